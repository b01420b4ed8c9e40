using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Qualifications;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Pathways.Development;

internal enum DevelopmentSource
{
    /// <summary>A TrainingHub course completed, for its duration.</summary>
    Course,

    /// <summary>Approved hours of supervision received.</summary>
    Supervision,

    /// <summary>Approved hours of training logged as practice.</summary>
    Training,

    /// <summary>Training taken elsewhere, recorded by the person and approved.</summary>
    External,
}

/// <summary>One thing that counts towards a year's professional development.</summary>
internal sealed record DevelopmentLine(DevelopmentSource Source, string? Title, DateOnly? On, decimal Hours)
{
    /// <summary>The competency areas its hours count in as well (see <see cref="DevelopmentAreas"/>).</summary>
    public IReadOnlyList<Guid> AreaIds { get; init; } = [];
}

/// <summary>
/// Who asks a person's yearly hours: the pathway stage they are on, when it sets its own, or else their position type
/// (by its qualification characteristics).
/// </summary>
internal sealed record CpdAskedBy(bool Stage, string NameUk, string NameEn)
{
    public string Name(bool english) => english ? NameEn : NameUk;
}

/// <summary>
/// A person's continuous professional development in a calendar year: what counts, against the hours asked of them (by
/// the stage of their pathway they are on, or else by their position's qualification characteristics), the courses that
/// count nothing for want of a duration, and the training taken elsewhere that year in whatever state it is (only
/// approved training counts).
/// </summary>
internal sealed record DevelopmentYear(
    Guid PersonId, string PersonName, bool IsMine, int Year, IReadOnlyList<int> Years, int? RequiredHours, IReadOnlyList<DevelopmentLine> Lines,
    IReadOnlyList<string> CoursesWithoutDuration, IReadOnlyList<TrainingLine> Trainings, bool MayDecide, PlanView Plan)
{
    public decimal TotalHours => Lines.Sum(l => l.Hours);

    /// <summary>How far the year is towards what is asked, 0 to 100; null where nothing is asked.</summary>
    public int? Percent => RequiredHours is > 0 and var required ? (int)Math.Min(100, Math.Floor(TotalHours * 100 / required)) : null;

    /// <summary>Who asks <see cref="RequiredHours"/>; null where nothing is asked.</summary>
    public CpdAskedBy? AskedBy { get; init; }

    /// <summary>How many hours a credit is where the requirement was set in credits (and is shown so); null in hours.</summary>
    public int? HoursPerCredit { get; init; }

    /// <summary>What is asked, in the unit it was set in; null where nothing is.</summary>
    public CpdRequirement? Requirement => RequiredHours is { } hours ? new CpdRequirement(hours, HoursPerCredit) : null;

    /// <summary>The hours asked in named competency areas (always by the position), each within <see cref="RequiredHours"/>.</summary>
    public IReadOnlyList<AreaProgress> Areas { get; init; } = [];

    public bool TotalMet => RequiredHours is null or 0 || TotalHours >= RequiredHours;

    public bool Met => TotalMet && Areas.All(a => a.Met);
}

/// <summary>
/// People's professional development record by year, counted live from the learning and supervision modules, seen by the
/// person and by those who may see their pathway.
/// </summary>
internal sealed class DevelopmentRecords(
    IDbContextFactory<PathwaysDbContext> dbFactory, ProgressAccess access, IPeopleLookup people, ILearningRecords learning, ISupervisionRecord supervision,
    ExternalTrainings trainings, DevelopmentPlans plans, TimeProvider clock, DevelopmentAreas areas, IPositionTypes positions)
{
    /// <summary>Years one can look back on: this one and the two before.</summary>
    public const int YearsShown = 3;

    public Task<Result<DevelopmentYear>> MineAsync(int? year, CancellationToken cancellationToken = default) =>
        access.Me is { } me ? ForPersonAsync(me, year, cancellationToken) : Task.FromResult<Result<DevelopmentYear>>(Error.Forbidden);

    public async Task<Result<DevelopmentYear>> ForPersonAsync(Guid personId, int? year, CancellationToken cancellationToken = default)
    {
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null || !await access.MayViewAsync(person, cancellationToken))
        {
            return Error.Forbidden;
        }
        return await YearOfAsync(person, year, cancellationToken, forPage: true);
    }

    /// <summary>
    /// The person's record for <paramref name="year"/> (this year when it is not one that can be looked back on), for a
    /// caller that has checked who may see it: the record pages, the certification report, the year-end reminders. Only
    /// a page (<paramref name="forPage"/>) needs the plan and whether the reader may decide; the counts leave them out.
    /// </summary>
    public async Task<DevelopmentYear> YearOfAsync(PersonContact person, int? year, CancellationToken cancellationToken, bool forPage = false)
    {
        var personId = person.Id;
        var thisYear = DailyRuns.DayOf(clock.GetUtcNow()).Year;
        var years = Enumerable.Range(0, YearsShown).Select(back => thisYear - back).ToList();
        var chosen = year is { } asked && years.Contains(asked) ? asked : thisYear;
        var (first, last) = (new DateOnly(chosen, 1, 1), new DateOnly(chosen, 12, 31));
        var lines = new List<DevelopmentLine>();
        var withoutDuration = new List<string>();
        var completed = new HashSet<Guid>();
        foreach (var completion in (await learning.CompletionsAsync(personId, cancellationToken)).OrderBy(c => c.CompletedAt))
        {
            var on = DailyRuns.DayOf(completion.CompletedAt);
            if (on < first || on > last)
            {
                continue;
            }
            completed.Add(completion.CourseId);
            if (completion.DurationMinutes is > 0 and var minutes)
            {
                lines.Add(new DevelopmentLine(DevelopmentSource.Course, completion.Title, on, Math.Round(minutes / 60m, 2)) { AreaIds = completion.CompetencyLineageIds });
            }
            else
            {
                withoutDuration.Add(completion.Title);
            }
        }
        var record = await supervision.ForAsync(personId, first, last, cancellationToken);
        foreach (var (type, source) in new[] { (BuiltInActivityTypes.SupervisionReceived, DevelopmentSource.Supervision), (BuiltInActivityTypes.Training, DevelopmentSource.Training) })
        {
            if (record.Hours.FirstOrDefault(h => h.ActivityTypeId == type) is { Hours: > 0 } approved)
            {
                lines.Add(new DevelopmentLine(source, null, null, approved.Hours));
            }
        }
        var external = await trainings.ForYearAsync(personId, chosen, cancellationToken);
        lines.AddRange(external.Where(t => t.State == TrainingState.Approved).OrderBy(t => t.CompletedOn)
            .Select(t => new DevelopmentLine(DevelopmentSource.External, $"{t.Title} ({t.Provider})", t.CompletedOn, t.Hours) { AreaIds = t.AreaId is { } area ? [area] : [] }));
        var (required, askedBy, perCredit) = await RequiredOfAsync(person, cancellationToken);
        return new DevelopmentYear(
            personId, person.FullName, personId == access.Me, chosen, years, required, lines, withoutDuration, external,
            forPage && await trainings.MayDecideAsync(person, cancellationToken),
            forPage ? await plans.ViewAsync(person, chosen, completed, external, cancellationToken) : PlanView.None)
        {
            Areas = await areas.ProgressAsync(person.PositionTypeId, lines, cancellationToken),
            AskedBy = askedBy,
            HoursPerCredit = perCredit,
        };
    }

    /// <summary>
    /// The hours a year asked of the person: those of the stage they are on (their placement's stage on its template)
    /// where it sets them, otherwise those of their position type's qualification characteristics (with the hours a credit
    /// is where it asks in credits); null where neither asks.
    /// </summary>
    private async Task<(int? Hours, CpdAskedBy? By, int? HoursPerCredit)> RequiredOfAsync(PersonContact person, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var stage = await (
            from placement in db.Placements.AsNoTracking()
            where placement.PersonId == person.Id
            join s in db.Stages.AsNoTracking() on new { placement.TemplateId, Position = placement.Stage } equals new { s.TemplateId, s.Position }
            where s.CpdHoursPerYear != null
            select new { s.CpdHoursPerYear, s.NameUk, s.NameEn }).FirstOrDefaultAsync(cancellationToken);
        if (stage is not null)
        {
            return (stage.CpdHoursPerYear, new CpdAskedBy(Stage: true, stage.NameUk, stage.NameEn), null);
        }
        if (person.PositionTypeId is not { } positionId
            || await db.Qualifications.AsNoTracking().Where(q => q.PositionTypeId == positionId)
                .Select(q => new { q.CpdHoursPerYear, q.HoursPerCredit }).FirstOrDefaultAsync(cancellationToken) is not { CpdHoursPerYear: { } hours } profile)
        {
            return (null, null, null);
        }
        var position = (await positions.ListAsync(cancellationToken)).FirstOrDefault(p => p.Id == positionId);
        return (hours, position is null ? null : new CpdAskedBy(Stage: false, position.NameUk, position.NameEn), profile.HoursPerCredit);
    }
}
