namespace TrainingHub.Competencies.Exchange;

/// <summary>
/// Where in a file a problem is: a CSV line (where the record starts), a CASE identifier (of an item, an association
/// or the document), or the file as a whole when both are null.
/// </summary>
internal sealed record ProblemPlace(int? Line, string? Identifier)
{
    public static ProblemPlace File { get; } = new(null, null);

    public static ProblemPlace AtLine(int line) => new(line, null);

    public static ProblemPlace AtItem(string identifier) => new(null, identifier);

    public override string ToString() => Line is { } line ? $"line {line}" : Identifier ?? "file";
}

/// <summary>A problem found while reading a file; <see cref="Key"/> is a localisation key filled with <see cref="Arguments"/>.</summary>
internal sealed record ExchangeProblem(string Key, ProblemPlace Place, params object[] Arguments)
{
    public override string ToString() => $"{Place}: {Key} ({string.Join(", ", Arguments)})";
}

/// <summary>
/// What reading a file gave: the framework (as much of it as could be read, even when there are errors, so a preview
/// can show it), the errors that stop an import, and the warnings that do not.
/// </summary>
internal sealed record FrameworkReadResult(FrameworkDocument? Document, IReadOnlyList<ExchangeProblem> Errors, IReadOnlyList<ExchangeProblem> Warnings)
{
    public bool CanImport => Document is not null && Errors.Count == 0;

    public int AreaCount => Document?.AreaCount ?? 0;

    public int CompetencyCount => Document?.CompetencyCount ?? 0;

    public static FrameworkReadResult Failed(string key, ProblemPlace place, params object[] arguments) =>
        new(null, [new ExchangeProblem(key, place, arguments)], []);
}
