// Keeps what is typed into a session log in this browser until the server confirms it, so that text typed while the
// connection is lost, or just before the tab is closed, is sent when the log is open again (the same circuit
// reconnecting, or a new one after a reload). Each part is stored with `sent: false` until the server saved it.

const storageKey = logId => `traininghub.log.${logId}`;
const attached = new WeakMap();

function read(logId) {
    try {
        return JSON.parse(localStorage.getItem(storageKey(logId))) ?? {};
    } catch {
        return {};
    }
}

function write(logId, parts) {
    try {
        localStorage.setItem(storageKey(logId), JSON.stringify(parts));
    } catch {
        // Storage full or refused (private mode): the server copy is all there is.
    }
}

async function resend(logId, page) {
    const unsent = Object.entries(read(logId)).filter(([, part]) => !part.sent);
    if (unsent.length === 0) {
        return;
    }
    try {
        for (const [field, part] of unsent) {
            await page.invokeMethodAsync('ResendAsync', field, part.text);
        }
    } catch {
        // Still disconnected: the next round tries again.
    }
}

/** Starts keeping the parts typed in `form`, and sends any left unsent from before. */
export function attach(form, logId, page) {
    detach(form);
    const remember = event => {
        const part = event.target.closest('[data-log-field]');
        if (!part || !(event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement)) {
            return;
        }
        const parts = read(logId);
        parts[part.dataset.logField] = { text: event.target.value, sent: false };
        write(logId, parts);
    };
    // Listening on the form, this runs before Blazor's handlers on the document, so the text is kept before it is sent.
    form.addEventListener('input', remember);
    const timer = setInterval(() => resend(logId, page), 5000);
    attached.set(form, { remember, timer });
    resend(logId, page);
}

/** The server saved `text` as the part `field`: it no longer needs sending, unless it was changed since. */
export function saved(logId, field, text) {
    const parts = read(logId);
    const stored = parts[field];
    if (stored && (stored.text ?? '').trim() === (text ?? '').trim()) {
        stored.sent = true;
        write(logId, parts);
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
export function forget(logId) {
    try {
        localStorage.removeItem(storageKey(logId));
    } catch {
        // Nothing to remove.
    }
}
