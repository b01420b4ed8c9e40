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

    /// <summary>People with a competency profile, and of them those meeting it; null where it was not known.</summary>
    public int? ProfileAsked { get; init; }

    public int? ProfileMet { get; init; }

    /// <summary>People to be supervised, and of them those supervised as often as required.</summary>
    public int? SupervisionAsked { get; init; }

    public int? Supervised { get; init; }

    /// <summary>Active people, and of them those holding a valid certificate.</summary>
    public int? CertifiedAsked { get; init; }

    public int? Certified { get; init; }

    public static AreaSnapshot Of(
        DateOnly month, Guid unitId, AreaFigures figures, DateTimeOffset takenAt, IReadOnlyDictionary<PeopleQuestion, PeopleShare>? shares = null) => new()
    {
        ProfileAsked = Asked(shares, PeopleQuestion.MeetProfile), ProfileMet = Yes(shares, PeopleQuestion.MeetProfile),
        SupervisionAsked = Asked(shares, PeopleQuestion.Supervised), Supervised = Yes(shares, PeopleQuestion.Supervised),
        CertifiedAsked = Asked(shares, PeopleQuestion.Certified), Certified = Yes(shares, PeopleQuestion.Certified),
        Month = month, UnitId = unitId, TakenAt = takenAt, Population = figures.Population, Children = figures.Children, Staff = figures.Staff,
        SocialWorkers = figures.SocialWorkers, Psychologists = figures.Psychologists, Volunteers = figures.Volunteers,
        FundedPosts = figures.FundedPosts, VacantPosts = figures.VacantPosts, FamiliesInDifficulty = figures.FamiliesInDifficulty,
        ChildrenWithDisabilities = figures.ChildrenWithDisabilities,
    };

    /// <summary>The answer to a question about people as it stood; null where it was not known then.</summary>
    public PeopleShare? Share(PeopleQuestion question) => question switch
    {
        PeopleQuestion.MeetProfile when ProfileAsked is { } asked => new PeopleShare(asked, ProfileMet ?? 0),
        PeopleQuestion.Supervised when SupervisionAsked is { } asked => new PeopleShare(asked, Supervised ?? 0),
        PeopleQuestion.Certified when CertifiedAsked is { } asked => new PeopleShare(asked, Certified ?? 0),
        _ => null,
    };

    private static int? Asked(IReadOnlyDictionary<PeopleQuestion, PeopleShare>? shares, PeopleQuestion question) =>
        shares is not null && shares.TryGetValue(question, out var share) ? share.Asked : null;

    private static int? Yes(IReadOnlyDictionary<PeopleQuestion, PeopleShare>? shares, PeopleQuestion question) =>
        shares is not null && shares.TryGetValue(question, out var share) ? share.Yes : null;

    public AreaFigures Figures => new(
        Population, Children, Staff, SocialWorkers, Psychologists, Volunteers, FundedPosts, VacantPosts, FamiliesInDifficulty, ChildrenWithDisabilities);
}
