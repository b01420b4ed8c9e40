using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Dashboard;

/// <summary>
/// A unit's staffing figures as they stood when a month's snapshot was taken (<see cref="CountryId"/> for the whole
/// country), so that planners can compare today with earlier months.
/// </summary>
internal sealed class AreaSnapshot
{
    /// <summary>Stands for the whole country, which is no unit.</summary>
    public static readonly Guid CountryId = Guid.Empty;

    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The first day of the month the snapshot belongs to.</summary>
    public DateOnly Month { get; init; }

    public Guid UnitId { get; init; }

    public DateTimeOffset TakenAt { get; init; }

    public int? Population { get; init; }

    public int? Children { get; init; }

    public int Staff { get; init; }

    public int SocialWorkers { get; init; }

    public int Psychologists { get; init; }

    public int Volunteers { get; init; }

    public int FundedPosts { get; init; }

    public int VacantPosts { get; init; }

    public int? FamiliesInDifficulty { get; init; }

    public int? ChildrenWithDisabilities { get; init; }

    public static AreaSnapshot Of(DateOnly month, Guid unitId, AreaFigures figures, DateTimeOffset takenAt) => new()
    {
        Month = month, UnitId = unitId, TakenAt = takenAt, Population = figures.Population, Children = figures.Children, Staff = figures.Staff,
        SocialWorkers = figures.SocialWorkers, Psychologists = figures.Psychologists, Volunteers = figures.Volunteers,
        FundedPosts = figures.FundedPosts, VacantPosts = figures.VacantPosts, FamiliesInDifficulty = figures.FamiliesInDifficulty,
        ChildrenWithDisabilities = figures.ChildrenWithDisabilities,
    };

    public AreaFigures Figures => new(
        Population, Children, Staff, SocialWorkers, Psychologists, Volunteers, FundedPosts, VacantPosts, FamiliesInDifficulty, ChildrenWithDisabilities);
}
