
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'status.blocked': `Bloqueada`,
'status.done': `Finalizada`,
'status.new': `Nueva`,
'status.open': `Abierta`,
'status.sent': `Enviada`,
'status.snoozed': `Pospuesta`,
'status.spam': `Spam`,
'status.trash': `Papelera`,
'status.unread': `No leída`,
'status.waiting': `En espera`,
    };
  