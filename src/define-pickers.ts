/**
 * Registers the pickers, `<snooze-picker>`, `<label-picker>`,
 * `<priority-picker>` and `<assignee-picker>`, skipping tags already defined.
 * The script-tag bundle loads them on demand (loadPickerElements()), the
 * first time one opens: nothing shows them before.
 */
import { defineOnce } from './elements/define-once.js';
import { SnoozePicker } from './elements/snooze-picker/snooze-picker.js';
import { LabelPicker } from './elements/label-picker/label-picker.js';
import { PriorityPicker } from './elements/priority-picker/priority-picker.js';
import { AssigneePicker } from './elements/assignee-picker/assignee-picker.js';

defineOnce('snooze-picker', SnoozePicker);
defineOnce('label-picker', LabelPicker);
defineOnce('priority-picker', PriorityPicker);
defineOnce('assignee-picker', AssigneePicker);
