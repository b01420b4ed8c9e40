// Keeps what is typed into a session log in this browser until the server confirms it, so that text typed while the
// connection is lost, or just before the tab is closed, is sent when the log is open again (the same circuit
// reconnecting, or a new one after a reload). Each part is stored with `sent: false` until the server saved it.
// A log's parts are kept under the log's id, a group meeting's shared part under a key of its own (see DraftKeeper.cs).

const storageKey = key => `traininghub.log.${key}`;
const attached = new WeakMap();

function read(key) {
    try {
        return JSON.parse(localStorage.getItem(storageKey(key))) ?? {};
    } catch {
        return {};
    }
}

function write(key, parts) {
    try {
        localStorage.setItem(storageKey(key), JSON.stringify(parts));
    } catch {
        // Storage full or refused (private mode): the server copy is all there is.
    }
}

async function resend(key, keeper) {
    const unsent = Object.entries(read(key)).filter(([, part]) => !part.sent);
    if (unsent.length === 0) {
        return;
    }
    try {
        for (const [field, part] of unsent) {
            await keeper.invokeMethodAsync('ResendAsync', field, part.text);
        }
    } catch {
        // Still disconnected: the next round tries again.
    }
}

/** Starts keeping the parts typed in `form`, and sends any left unsent from before. */
export function attach(form, key, keeper) {
    detach(form);
    const remember = event => {
        const part = event.target.closest('[data-log-field]');
        if (!part || !(event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement)) {
            return;
        }
        const parts = read(key);
        parts[part.dataset.logField] = { text: event.target.value, sent: false };
        write(key, parts);
    };
    // Listening on the form, this runs before Blazor's handlers on the document, so the text is kept before it is sent.
    form.addEventListener('input', remember);
    const timer = setInterval(() => resend(key, keeper), 5000);
    attached.set(form, { remember, timer });
    resend(key, keeper);
}

/** The server saved `text` as the part `field`: it no longer needs sending, unless it was changed since. */
export function saved(key, field, text) {
    const parts = read(key);
    const stored = parts[field];
    if (stored && (stored.text ?? '').trim() === (text ?? '').trim()) {
        stored.sent = true;
        write(key, parts);
    }
}

export function detach(form) {
    const state = attached.get(form);
    if (state) {
        form.removeEventListener('input', state.remember);
        clearInterval(state.timer);
        attached.delete(form);
    }
}

/** The log is signed: nothing of it needs keeping. */
export function forget(key) {
    try {
        localStorage.removeItem(storageKey(key));
    } catch {
        // Nothing to remove.
    }
}
