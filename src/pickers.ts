/**
 * The pickers in the public API: snooze (R18), label, priority and assignee
 * (R10). index.ts re-exports them; the script-tag bundle loads them on
 * demand (loadPickerElements()), the first time one opens: a key, a swipe,
 * the bulk bar or the conversation's toolbar. No side effects.
 */
export { SnoozePicker } from './elements/snooze-picker/snooze-picker.js';
export { LabelPicker } from './elements/label-picker/label-picker.js';
export { PriorityPicker } from './elements/priority-picker/priority-picker.js';
export { AssigneePicker } from './elements/assignee-picker/assignee-picker.js';
