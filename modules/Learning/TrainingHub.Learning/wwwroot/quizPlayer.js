// Keeps a quiz attempt's answers in this browser as they are given, so that an answer typed while the connection to the
// server is lost is sent once it returns (the same circuit reconnecting, or a new one after a reload).
// Each answer is stored with `sent: false` until the server confirms it.

const storageKey = attemptId => `traininghub.quiz.${attemptId}`;
const attached = new WeakMap();

function read(attemptId) {
    try {
        return JSON.parse(localStorage.getItem(storageKey(attemptId))) ?? {};
    } catch {
        return {};
    }
}

function write(attemptId, answers) {
    try {
        localStorage.setItem(storageKey(attemptId), JSON.stringify(answers));
    } catch {
        // Storage full or refused (private mode): the server copy is all there is.
    }
}

function same(a, b) {
    return (a.text ?? null) === (b.text ?? null) && [...a.optionIds].sort().join() === [...b.optionIds].sort().join();
}

function answerOf(fieldset) {
    const text = fieldset.querySelector('input[type=text], textarea');
    return text
        ? { optionIds: [], text: text.value }
        : { optionIds: [...fieldset.querySelectorAll('input:checked')].map(input => input.value), text: null };
}

async function resend(attemptId, player) {
    const unsent = Object.entries(read(attemptId)).filter(([, answer]) => !answer.sent);
    if (unsent.length === 0) {
        return;
    }
    try {
        for (const [questionId, answer] of unsent) {
            await player.invokeMethodAsync('ResendAsync', questionId, answer.optionIds, answer.text);
        }
    } catch {
        // Still disconnected: the next round tries again.
    }
}

/** Starts keeping the answers given in `form`, and sends any left unsent from before. */
export function attach(form, attemptId, player) {
    detach(form);
    const remember = event => {
        const fieldset = event.target.closest('[data-question]');
        if (!fieldset) {
            return;
        }
        const answers = read(attemptId);
        answers[fieldset.dataset.question] = { ...answerOf(fieldset), sent: false };
        write(attemptId, answers);
    };
    // Listening on the form, these run before Blazor's handlers on the document, so the answer is stored before it is sent.
    form.addEventListener('input', remember);
    form.addEventListener('change', remember);
    const timer = setInterval(() => resend(attemptId, player), 5000);
    attached.set(form, { remember, timer });
    resend(attemptId, player);
}

/** The server saved `answer` to the question: it no longer needs sending, unless it was changed since. */
export function saved(attemptId, questionId, answer) {
    const answers = read(attemptId);
    const stored = answers[questionId];
    if (stored && same(stored, answer)) {
        stored.sent = true;
        write(attemptId, answers);
    }
}

export function detach(form) {
    const state = attached.get(form);
    if (state) {
        form.removeEventListener('input', state.remember);
        form.removeEventListener('change', state.remember);
        clearInterval(state.timer);
        attached.delete(form);
    }
}

/** The attempt is over: nothing of it needs keeping. */
export function forget(attemptId) {
    try {
        localStorage.removeItem(storageKey(attemptId));
    } catch {
        // Nothing to remove.
    }
}
