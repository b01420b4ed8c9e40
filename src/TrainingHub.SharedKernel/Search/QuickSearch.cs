namespace TrainingHub.SharedKernel.Search;

/// <summary>One thing the quick search in the app bar found.</summary>
/// <param name="Kind">What it is, in the reader's language ("Person", "Course"); the app bar groups hits by it.</param>
/// <param name="Title">Its name, as its own page shows it.</param>
/// <param name="Detail">A second line that tells two of one name apart, such as a person's hromada.</param>
/// <param name="Href">Its page, one tap away.</param>
public sealed record SearchHit(string Kind, string Title, string? Detail, string Href);

/// <summary>
/// A module's answer to the quick search, for the signed-in person. A source finds only what its own list page would show
/// them, checked on the server, and nothing for a person without the list's permission.
/// </summary>
public interface ISearchSource
{
    /// <summary>At most <paramref name="max"/> hits whose name, code or e-mail contains the text, ignoring case in both scripts.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int max, CancellationToken cancellationToken);
}

/// <summary>The rules every source shares, so that the app bar and the sources agree on them.</summary>
public static class QuickSearch
{
    /// <summary>Shorter text matches too much to be useful, so sources answer nothing.</summary>
    public const int MinimumLength = 2;

    /// <summary>How many hits the app bar asks each source for.</summary>
    public const int HitsPerKind = 5;

    /// <summary>The text to search for, trimmed, or null when it is too short to search.</summary>
    public static string? Term(string? text) =>
        text?.Trim() is { Length: >= MinimumLength } term ? term : null;
}
