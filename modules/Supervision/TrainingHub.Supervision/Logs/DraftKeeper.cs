using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace TrainingHub.Supervision.Logs;

/// <summary>
/// The server side of <c>wwwroot/sessionLog.js</c>: what is typed into the parts (<c>data-log-field</c>) inside an element
/// is kept in the browser under a key until the server has saved it, so that text typed while the connection is lost, or
/// just before the tab is closed, is sent again (through <paramref name="resend"/>) when the page is open again. A log
/// keeps its parts under its id, a group's shared part under <see cref="SharedKey"/>. Saves go one at a time, so an
/// older text can never land after a newer one.
/// </summary>
internal sealed class DraftKeeper(IJSRuntime js, Func<string, string?, Task> resend) : IAsyncDisposable
{
    private const string Module = "./_content/TrainingHub.Supervision/sessionLog.js";

    private readonly SemaphoreSlim _saving = new(1, 1);
    private IJSObjectReference? _module;
    private DotNetObjectReference<DraftKeeper>? _self;
    private ElementReference? _element;
    private (string Key, bool Editable)? _attached;

    /// <summary>The key the shared part of a group meeting is kept under, apart from each person's log.</summary>
    public static string SharedKey(Guid sessionId) => $"shared.{sessionId}";

    /// <summary>
    /// Keeps what is typed inside <paramref name="element"/> under <paramref name="key"/> and sends back what was left
    /// unsent; once the record can no longer be changed, forgets what was kept. Does nothing when already so attached.
    /// </summary>
    public async Task AttachAsync(ElementReference element, string key, bool editable)
    {
        if (_attached == (key, editable))
        {
            return;
        }
        _attached = (key, editable);
        _module ??= await js.InvokeAsync<IJSObjectReference?>("import", Module);
        if (_module is null)
        {
            return;
        }
        if (editable)
        {
            _self ??= DotNetObjectReference.Create(this);
            _element = element;
            await _module.InvokeVoidAsync("attach", element, key, _self);
        }
        else
        {
            await _module.InvokeVoidAsync("forget", key);
        }
    }

    /// <summary>
    /// Saves one part through <paramref name="save"/> (true when the server has it), after any save still under way;
    /// the browser then no longer needs to keep that text.
    /// </summary>
    public async Task SaveAsync(string field, string? text, Func<Task<bool>> save)
    {
        await _saving.WaitAsync();
        try
        {
            if (await save() && _attached is { Key: var key } && _module is not null)
            {
                await _module.InvokeVoidAsync("saved", key, field, text);
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab is closed or the connection dropped: the server has the text all the same, and if the browser
            // still holds it, it is sent again next time, harmlessly.
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>Text kept in the browser while the connection was lost, sent again once it is back.</summary>
    [JSInvokable]
    public Task ResendAsync(string field, string? text) => resend(field, text);

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                if (_element is { } element)
                {
                    await _module.InvokeVoidAsync("detach", element);
                }
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; what it kept is sent when the page is open again.
            }
        }
        _self?.Dispose();
        _saving.Dispose();
    }
}
