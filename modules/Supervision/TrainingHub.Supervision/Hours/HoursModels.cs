using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Supervision.Hours;

/// <summary>An entry as its supervisee's list shows it.</summary>
internal sealed record HoursRow(
    Guid Id, DateOnly Date, decimal Hours, Guid ActivityTypeId, string ActivityName, string? Setting, string? Description,
    Guid? CompetencyLineageId, string? CompetencyName, HoursState State, string? ReviewReason, bool ApprovalWithdrawn, Guid Version)
{
    public bool IsEditable => State is HoursState.Draft or HoursState.Rejected;
}

/// <summary>Approved hours of one activity type within a period.</summary>
internal sealed record HoursTotal(Guid ActivityTypeId, string ActivityName, decimal Hours);

/// <summary>The approved hours of a period, per type and in all.</summary>
internal sealed record HoursTotals(DateOnly? From, DateOnly? To, IReadOnlyList<HoursTotal> PerType)
{
    public decimal All => PerType.Sum(t => t.Hours);
}

/// <summary>An activity type as lists and pickers show it.</summary>
internal sealed record ActivityTypeRow(Guid Id, string NameUk, string NameEn, bool IsBuiltIn)
{
    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;
}

/// <summary>A competency an entry may name, from the published frameworks.</summary>
internal sealed record CompetencyChoice(Guid LineageId, string Code, string NameUk, string NameEn)
{
    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;
}

/// <summary>An entry as its reviewer sees it.</summary>
internal sealed record ReviewRow(
    Guid Id, Guid PersonId, DateOnly Date, decimal Hours, string ActivityName, string? Setting, string? Description, string? CompetencyName,
    HoursState State, DateTimeOffset? ReviewedAt, Guid Version);

/// <summary>One supervisee's entries of one week (from Monday), as the reviewer signs them.</summary>
internal sealed record ReviewWeek(Guid PersonId, string PersonName, DateOnly WeekOf, IReadOnlyList<ReviewRow> Entries)
{
    public decimal Hours => Entries.Sum(e => e.Hours);
}

/// <summary>The periods "my hours" totals are counted over, each ending today.</summary>
internal enum HoursPeriod
{
    Week,
    Month,
    Year,
    All,
}

/// <summary>A position type with the hours it asks for a year, as the administrators' list shows it; nothing set when <see cref="TotalHours"/> is null.</summary>
internal sealed record RequirementRow(Guid PositionTypeId, string PositionName, int? TotalHours, IReadOnlyList<RequirementPartRow> Parts, Guid? Version);

internal sealed record RequirementPartRow(Guid ActivityTypeId, string ActivityName, int Hours);

/// <summary>
/// Approved hours within the period against one line of a requirement: of one activity type, or in all when
/// <see cref="ActivityTypeId"/> (and so <see cref="ActivityName"/>) is null.
/// </summary>
internal sealed record HoursProgressLine(Guid? ActivityTypeId, string? ActivityName, int Required, decimal Approved)
{
    public bool Met => Approved >= Required;

    /// <summary>How far along, from 0 to 100.</summary>
    public double Percent => (double)Math.Min(100m, Approved * 100m / Required);
}

/// <summary>
/// A person's approved hours of this year (from 1 January) against what they are asked for: no position type, nothing
/// asked; a position type without lines, a position that asks for no hours. The line of the hours in all comes first.
/// </summary>
internal sealed record HoursProgress(Guid? PositionTypeId, string? PositionName, DateOnly From, DateOnly To, IReadOnlyList<HoursProgressLine> Lines);
