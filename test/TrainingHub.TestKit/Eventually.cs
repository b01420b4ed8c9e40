namespace TrainingHub.TestKit;

/// <summary>
/// Waits for something a background job, a mail server or a browser does in its own time: asks again every
/// <c>interval</c> until the answer is there, and fails with what was awaited when it is not there in time.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The first non-null answer of <paramref name="probe"/>.</summary>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, string awaited, TimeSpan? within = null) where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Still waiting after {(within ?? DefaultWithin).TotalSeconds:0.#} s: {awaited}.");
            }
            await Task.Delay(DefaultInterval);
        }
    }

    /// <inheritdoc cref="FoundAsync{T}(Func{Task{T}}, string, TimeSpan?)"/>
    public static Task<T> FoundAsync<T>(Func<T?> probe, string awaited, TimeSpan? within = null) where T : class =>
        FoundAsync(() => Task.FromResult(probe()), awaited, within);

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string awaited, TimeSpan? within = null) =>
        FoundAsync(async () => await condition() ? Holds : null, awaited, within);

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, string, TimeSpan?)"/>
    public static Task TrueAsync(Func<bool> condition, string awaited, TimeSpan? within = null) =>
        TrueAsync(() => Task.FromResult(condition()), awaited, within);

    private static readonly object Holds = new();
}
