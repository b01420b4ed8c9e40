using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <summary>
/// Enrolled counts active and completed enrolments (withdrawn ones are left out); each is either in progress, overdue or
/// completed. The average is of the people's best quiz scores in per cent, over those with a submitted attempt.
/// </summary>
internal sealed record ReportFigures(int Enrolled, int InProgress, int Completed, int Overdue, int? AverageScorePercent)
{
    public static ReportFigures None { get; } = new(0, 0, 0, 0, null);
}

/// <summary>One line of a report: a course, or a unit under the one reported on.</summary>
internal sealed record ReportLine(Guid Id, string Name, ReportFigures Figures);

/// <summary>
/// A unit's learning report: its totals, a line per course its people are enrolled in (or the one course asked for), and a
/// line per unit under it, with those whose home unit is the unit itself on a line of their own when there are any.
/// </summary>
internal sealed record LearningReport(
    OrganisationUnitSummary Unit, Guid? CourseId, string? CourseTitle, ReportFigures Total, IReadOnlyList<ReportLine> Courses, IReadOnlyList<ReportLine> Units);

internal sealed record ReportCourse(Guid Id, string Title);

/// <summary>
/// Figures per course and per unit for those who follow learners (<see cref="LearningPermissions.ProgressView"/>), over the
/// people whose home unit is the unit asked for or lies under it. Enrolments are counted in the database; only the
/// overdue test, which needs the clock, runs over the counted rows (SQLite cannot compare the stored times).
/// </summary>
internal sealed class LearningReports(
    IDbContextFactory<LearningDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPeopleSelection people, TimeProvider clock)
{
    /// <summary>The units the user may report on, for the unit picker.</summary>
    public async Task<IReadOnlyList<OrganisationUnitSummary>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(LearningPermissions.ProgressView);
        return scope.IsEmpty ? [] : (await units.GetUnitsInAsync(scope, cancellationToken)).OrderBy(u => u.Type).ThenBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The courses the user may report on, for the course picker.</summary>
    public async Task<IReadOnlyList<ReportCourse>> CoursesAsync(CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(LearningPermissions.ProgressView);
        if (scope.IsEmpty)
        {
            return [];
        }
        await using var db = dbFactory.CreateDbContext();
        return (await ReportableAsync(db, scope, null, cancellationToken)).OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Whether the user may report on the course, to link to its report where the course is shown.</summary>
    public async Task<bool> CanReportOnAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(LearningPermissions.ProgressView);
        if (scope.IsEmpty)
        {
            return false;
        }
        await using var db = dbFactory.CreateDbContext();
        return (await ReportableAsync(db, scope, courseId, cancellationToken)).Count > 0;
    }

    public async Task<Result<LearningReport>> GetAsync(Guid unitId, Guid? courseId, CancellationToken cancellationToken = default)
    {
        if (!await access.IsGrantedAsync(LearningPermissions.ProgressView, unitId, cancellationToken))
        {
            return Error.Forbidden;
        }
        var unit = await units.FindAsync(unitId, cancellationToken);
        if (unit is null)
        {
            return Error.NotFound;
        }
        await using var db = dbFactory.CreateDbContext();
        string? courseTitle = null;
        if (courseId is { } id)
        {
            // A course outside the user's area is not found, as elsewhere in the module, so its existence is not revealed.
            courseTitle = (await ReportableAsync(db, access.GetScope(LearningPermissions.ProgressView), id, cancellationToken)).SingleOrDefault()?.Title;
            if (courseTitle is null)
            {
                return Error.NotFound;
            }
        }

        var subtree = (await units.GetUnitsInAsync(UnitScope.Under([unitId]), cancellationToken)).ToDictionary(u => u.Id);
        var lineOf = subtree.Values.LinesUnder(unitId);
        var lineOfPerson = (await people.FindAsync(new PeopleCriteria(HomeUnitIds: subtree.Keys.ToList()), cancellationToken))
            .ToDictionary(p => p.Id, p => lineOf[p.HomeUnitId!.Value]);
        var personIds = lineOfPerson.Keys.ToList();
        var now = clock.GetUtcNow();

        var enrolments = db.Enrolments.Where(e => e.Status != EnrolmentStatus.Withdrawn && personIds.Contains(e.PersonId));
        var attempts = db.QuizAttempts.Where(a => a.SubmittedAt != null && a.Score != null && a.MaxScore > 0 && personIds.Contains(a.PersonId));
        if (courseId is { } only)
        {
            enrolments = enrolments.Where(e => e.CourseId == only);
            attempts = attempts.Where(a => a.CourseId == only);
        }
        // Per course, enrolments with the same state and due time are one row; per unit, the person decides the line.
        var byCourse = await enrolments.GroupBy(e => new { e.CourseId, e.Status, e.DueAt })
            .Select(g => new Counted(g.Key.CourseId, g.Key.Status, g.Key.DueAt, g.Count())).ToListAsync(cancellationToken);
        var byPerson = await enrolments.GroupBy(e => new { e.PersonId, e.Status, e.DueAt })
            .Select(g => new Counted(g.Key.PersonId, g.Key.Status, g.Key.DueAt, g.Count())).ToListAsync(cancellationToken);
        // The best score of each person in each quiz, then one score per person and course: the mean of their best ones.
        var scores = (await attempts.GroupBy(a => new { a.CourseId, a.PersonId, a.QuizId })
                .Select(g => new { g.Key.CourseId, g.Key.PersonId, Best = g.Max(a => a.Score!.Value * 100.0 / a.MaxScore) }).ToListAsync(cancellationToken))
            .GroupBy(s => (s.CourseId, s.PersonId), s => s.Best)
            .Select(g => (g.Key.CourseId, g.Key.PersonId, Score: g.Average()))
            .ToList();

        var courseIds = byCourse.Select(c => c.Key).Distinct().ToList();
        var titles = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        IReadOnlyList<ReportLine> courses = courseId is { } chosen
            ? [new ReportLine(chosen, courseTitle!, Figures(byCourse, scores.Select(s => s.Score), now))]
            : byCourse.GroupBy(c => c.Key)
                .Select(g => new ReportLine(g.Key, titles[g.Key], Figures(g, scores.Where(s => s.CourseId == g.Key).Select(s => s.Score), now)))
                .OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();

        var direct = byPerson.Any(c => lineOfPerson[c.Key] == unitId);
        var lines = subtree.Values.Where(u => u.ParentId == unitId).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => (u.Id, u.DisplayName)).ToList();
        if (direct)
        {
            lines.Insert(0, (unitId, unit.DisplayName));
        }
        var unitLines = lines.Select(l => new ReportLine(l.Id, l.DisplayName, Figures(
            byPerson.Where(c => lineOfPerson[c.Key] == l.Id), scores.Where(s => lineOfPerson[s.PersonId] == l.Id).Select(s => s.Score), now))).ToList();

        return new LearningReport(unit, courseId, courseTitle, Figures(byCourse, scores.Select(s => s.Score), now), courses, unitLines);
    }

    /// <summary>
    /// The courses (or the one course asked for) that concern the user's area: those owned by a unit in it, and those a
    /// person whose home unit is in it is enrolled in (a hromada follows the oblast's course its people take). Drafts have
    /// nobody enrolled. Only courses owned elsewhere are looked for among the enrolments, as that asks by the ids of every
    /// person in the area.
    /// </summary>
    private async Task<List<ReportCourse>> ReportableAsync(LearningDbContext db, UnitScope scope, Guid? onlyId, CancellationToken cancellationToken)
    {
        var courses = db.Courses.AsNoTracking().Where(c => c.Status != CourseStatus.Draft);
        if (onlyId is { } id)
        {
            courses = courses.Where(c => c.Id == id);
        }
        var all = await courses.Select(c => new { c.Id, c.Title, c.OwningUnitId }).ToListAsync(cancellationToken);
        var area = scope.IsEverywhere ? null : (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToHashSet();
        var elsewhere = area is null ? [] : all.Where(c => !area.Contains(c.OwningUnitId)).Select(c => c.Id).ToList();
        var taken = new HashSet<Guid>();
        if (elsewhere.Count > 0)
        {
            var personIds = (await people.FindAsync(new PeopleCriteria(HomeUnitIds: area), cancellationToken)).Select(p => p.Id).ToList();
            taken.UnionWith(await db.Enrolments
                .Where(e => elsewhere.Contains(e.CourseId) && e.Status != EnrolmentStatus.Withdrawn && personIds.Contains(e.PersonId))
                .Select(e => e.CourseId).Distinct().ToListAsync(cancellationToken));
        }
        return all.Where(c => area is null || area.Contains(c.OwningUnitId) || taken.Contains(c.Id)).Select(c => new ReportCourse(c.Id, c.Title)).ToList();
    }

    private static ReportFigures Figures(IEnumerable<Counted> rows, IEnumerable<double> scores, DateTimeOffset now)
    {
        int inProgress = 0, completed = 0, overdue = 0;
        foreach (var row in rows)
        {
            switch (EnrolmentRules.StandingOf(row.Status, row.DueAt, now))
            {
                case Standing.Completed:
                    completed += row.Count;
                    break;
                case Standing.Overdue:
                    overdue += row.Count;
                    break;
                default:
                    inProgress += row.Count;
                    break;
            }
        }
        var taken = scores.ToList();
        int? average = taken.Count == 0 ? null : (int)Math.Round(taken.Average(), MidpointRounding.AwayFromZero);
        return new ReportFigures(inProgress + completed + overdue, inProgress, completed, overdue, average);
    }

    /// <summary>Enrolments counted by course or person (the key), state and due time.</summary>
    private sealed record Counted(Guid Key, EnrolmentStatus Status, DateTimeOffset? DueAt, int Count);
}
