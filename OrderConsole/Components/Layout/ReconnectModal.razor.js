// Follows the Blazor circuit's connection and says honestly where it stands:
//   Live          the circuit is up (the server-rendered indicator decides between Live and a paused store feed)
//   Reconnecting  the connection dropped and attempts are being made right now, or the page is reloading
//   Offline       the server cannot be reached; the next attempt is scheduled, or attempts stopped
// When the server answers but no longer knows this circuit (it restarted), the page reloads itself: the sign-in
// cookie survives because the data-protection keys outlive the process.
const stateEvent = 'components-reconnect-state-changed';

function elements() {
    const dialog = document.getElementById('components-reconnect-modal');
    return dialog && {
        dialog,
        message: dialog.querySelector('.reconnect-message'),
        retry: dialog.querySelector('.reconnect-retry'),
        resume: dialog.querySelector('.reconnect-resume'),
        indicator: document.getElementById('connection-circuit'),
    };
}

function show(ui, circuit, message, { retry = false, resume = false } = {}) {
    document.documentElement.dataset.circuit = circuit;
    if (ui.indicator) {
        ui.indicator.textContent = circuit === 'offline' ? 'Offline' : 'Reconnecting';
    }
    ui.message.textContent = message;
    ui.retry.hidden = !retry;
    ui.resume.hidden = !resume;
    if (!ui.dialog.open) {
        // Not modal: the page stays readable (and says it may be out of date) while the connection is away.
        ui.dialog.show();
    }
}

function hide(ui) {
    delete document.documentElement.dataset.circuit;
    if (ui.indicator) {
        ui.indicator.textContent = '';
    }
    ui.message.textContent = '';
    if (ui.dialog.open) {
        ui.dialog.close();
    }
}

function reload(ui) {
    show(ui, 'reconnecting', 'The server restarted. Reloading this page…');
    location.reload();
}

async function retry(ui) {
    show(ui, 'reconnecting', 'Reconnecting…');
    try {
        // false: the server answered but has no such circuit any more.
        if (!await Blazor.reconnect()) {
            reload(ui);
        }
    } catch {
        show(ui, 'offline', 'The server cannot be reached. Check your network, then try again.', { retry: true });
    }
}

async function resume(ui) {
    if (!await Blazor.resumeCircuit()) {
        reload(ui);
    }
}

function onStateChanged(event) {
    const ui = elements();
    if (!ui) {
        return;
    }

    const { state, currentAttempt, secondsToNextAttempt } = event.detail;
    switch (state) {
        case 'show':
            show(ui, 'reconnecting', 'Connection lost. Reconnecting…');
            break;
        case 'retrying':
            if (secondsToNextAttempt > 0) {
                const seconds = secondsToNextAttempt === 1 ? '1 second' : `${secondsToNextAttempt} seconds`;
                show(ui, 'offline', `The server cannot be reached. Trying again in ${seconds} (attempt ${currentAttempt}).`, { retry: true });
            } else {
                show(ui, 'reconnecting', 'Connection lost. Reconnecting…');
            }
            break;
        case 'failed':
            show(ui, 'offline', 'The server cannot be reached. Check your network, then try again.', { retry: true });
            break;
        case 'paused':
            show(ui, 'offline', 'This page was paused while it was not in use.', { resume: true });
            break;
        case 'rejected':
        case 'resume-failed':
            reload(ui);
            break;
        case 'hide':
            hide(ui);
            break;
    }
}

// The event is dispatched on the dialog and does not bubble; listening in the capture phase on the document
// also covers a dialog that appears after this module ran.
document.addEventListener(stateEvent, onStateChanged, true);
document.addEventListener('click', event => {
    const ui = elements();
    if (!ui) {
        return;
    }
    if (event.target === ui.retry) {
        retry(ui);
    } else if (event.target === ui.resume) {
        resume(ui);
    }
});
// A tab that comes back after the attempts gave up tries again at once.
document.addEventListener('visibilitychange', () => {
    const ui = elements();
    if (ui && document.visibilityState === 'visible' && ui.dialog.classList.contains('components-reconnect-failed')) {
        retry(ui);
    }
});
