using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Tests.Progress;

/// <summary>
/// What learning, competencies and supervision answer through their contracts, as a test sets it: the courses that
/// exist, people's completions, counted levels, supervision records and assignments.
/// </summary>
internal sealed class OtherModules
    : ILearningRecords, ICompetencyLevels, ISupervisionRecord, ISupervisionAssignments, IRoleProfileDirectory, ISupervisionFrequencyDirectory,
        ICompetencyDirectory
{
    public static readonly Guid DirectWork = Guid.NewGuid();

    public List<CourseReference> Courses { get; } = [];

    public Dictionary<Guid, List<CourseCompletion>> Completions { get; } = [];

    public Dictionary<Guid, List<CountedCompetencyLevel>> Levels { get; } = [];

    public Dictionary<Guid, SupervisionRecord> Records { get; } = [];

    public Dictionary<Guid, PersonAssignees> Assigned { get; } = [];

    public Dictionary<Guid, List<RequiredCompetency>> Profiles { get; } = [];

    public Task<IReadOnlyList<RequiredCompetency>> ForPositionAsync(Guid positionTypeId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RequiredCompetency>>(Profiles.GetValueOrDefault(positionTypeId) ?? []);

    public Task<SupervisionFrequencyText> StandardForAsync(Guid positionTypeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SupervisionFrequencyText("щомісяця", "monthly"));

    public Task<IReadOnlyList<CourseReference>> FindCoursesAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CourseReference>>(Courses.Where(c => courseIds.Contains(c.Id)).ToList());

    public Task<IReadOnlyList<CourseReference>> SearchCoursesAsync(string? text, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CourseReference>>(Courses.Where(c => !c.Archived && c.Title.Contains(text ?? "", StringComparison.OrdinalIgnoreCase)).Take(take).ToList());

    public Task<IReadOnlyList<CourseCompletion>> CompletionsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CourseCompletion>>(Completions.GetValueOrDefault(personId) ?? []);

    public Task<IReadOnlyList<CountedCompetencyLevel>> CountedLevelsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CountedCompetencyLevel>>(Levels.GetValueOrDefault(personId) ?? []);

    /// <summary>A person's record within one calendar year, answered when asked for exactly that year.</summary>
    public Dictionary<(Guid PersonId, int Year), SupervisionRecord> YearRecords { get; } = [];

    public Task<SupervisionRecord> ForAsync(Guid personId, DateOnly? since = null, DateOnly? until = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            since is { Month: 1, Day: 1 } first && until == new DateOnly(first.Year, 12, 31)
                ? YearRecords.GetValueOrDefault((personId, first.Year)) ?? new SupervisionRecord([], 0, null)
                : Records.GetValueOrDefault(personId) ?? new SupervisionRecord([], 0, null));

    public Task<IReadOnlyList<ActivityTypeReference>> ActivityTypesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ActivityTypeReference>>([new ActivityTypeReference(DirectWork, "Пряма робота", "Direct work")]);

    public Task<PersonAssignees> CurrentAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Assigned.GetValueOrDefault(personId) ?? PersonAssignees.None);

    /// <summary>
    /// The competencies of published frameworks, each on a scale from 0 to 3: those the demo pathway names, and two that
    /// serve as areas of professional development (the demo social assistant is asked for hours in the first).
    /// </summary>
    public List<PublishedCompetency> Published { get; } = new[]
        {
            ("CP.1.1", "Компетентність CP.1.1", "Competency CP.1.1"), ("CP.2.1", "Компетентність CP.2.1", "Competency CP.2.1"),
            ("CP.3.1", "Компетентність CP.3.1", "Competency CP.3.1"), ("CP.4.1", "Ознаки насильства і нехтування", "Signs of abuse and neglect"),
            ("CP.5.1", "Перша психологічна допомога", "Psychological first aid"),
        }
        .Select(c => new PublishedCompetency(
            Guid.NewGuid(), "CP-INCL", "Захист дітей", "Child protection", c.Item1, c.Item2, c.Item3,
            [new CompetencyLevelName(0, "Немає", "None"), new CompetencyLevelName(1, "Базовий", "Basic"), new CompetencyLevelName(2, "Середній", "Intermediate"),
                new CompetencyLevelName(3, "Досвідчений", "Proficient")]))
        .ToList();

    public Task<IReadOnlyList<PublishedCompetency>> ListPublishedCompetenciesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PublishedCompetency>>(Published);

    /// <summary>A published competency's lineage id, which names it as an area of professional development.</summary>
    public Guid Area(string code) => Published.Single(c => c.Code == code).LineageId;

    public void Level(Guid personId, string code, int rank) =>
        (Levels.TryGetValue(personId, out var list) ? list : Levels[personId] = []).Add(new CountedCompetencyLevel(Guid.NewGuid(), "CP-INCL", code, rank, DateTimeOffset.UtcNow));
}
