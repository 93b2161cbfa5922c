
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'status.blocked': `Bloquée`,
'status.done': `Terminée`,
'status.new': `Nouvelle`,
'status.open': `Ouverte`,
'status.sent': `Envoyée`,
'status.snoozed': `Reportée`,
'status.spam': `Indésirable`,
'status.trash': `Corbeille`,
'status.unread': `Non lue`,
'status.waiting': `En attente`,
    };
  