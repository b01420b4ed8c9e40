using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Learning.Services;

/// <param name="DaysOverdue">Days past the due day, counted in Kyiv days as due dates are; a course that fell due earlier today counts one.</param>
internal sealed record OverdueRow(
    Guid EnrolmentId, Guid PersonId, string PersonName, string UnitName, Guid CourseId, string CourseTitle, DateTimeOffset DueAt, int ProgressPercent, int DaysOverdue);

/// <summary>The learners in the user's area (by <see cref="LearningPermissions.ProgressView"/>) whose courses are overdue: where the daily digest leads.</summary>
internal sealed class OverdueLearners(
    IDbContextFactory<LearningDbContext> dbFactory, IAccessControl access, IOrganisationDirectory units, IPeopleSelection people, LessonProgress progress,
    TimeProvider clock)
{
    public async Task<Result<Page<OverdueRow>>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        var scope = access.GetScope(LearningPermissions.ProgressView);
        if (scope.IsEmpty)
        {
            return Error.Forbidden;
        }
        var now = clock.GetUtcNow();
        await using var db = dbFactory.CreateDbContext();
        var overdue = (await db.Enrolments.AsNoTracking().Where(e => e.Status == EnrolmentStatus.Active && e.DueAt != null).ToListAsync(cancellationToken))
            .Where(e => e.DueAt < now).ToList();
        var scopeUnits = scope.IsEverywhere ? null : (await units.GetUnitsInAsync(scope, cancellationToken)).Select(u => u.Id).ToList();
        var learners = (await people.FindAsync(
                new PeopleCriteria(HomeUnitIds: scopeUnits, PersonIds: overdue.Select(e => e.PersonId).Distinct().ToList(), Search: search), cancellationToken))
            .ToDictionary(p => p.Id);
        var rows = overdue.Where(e => learners.ContainsKey(e.PersonId))
            .OrderBy(e => e.DueAt).ThenBy(e => learners[e.PersonId].FullName, StringComparer.CurrentCulture)
            .ToList();
        var shown = rows.Skip(page.Skip).Take(page.Take).ToList();
        var courseIds = shown.Select(e => e.CourseId).Distinct().ToList();
        var titles = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var lessonCounts = await db.Lessons.Where(l => courseIds.Contains(l.CourseId)).GroupBy(l => l.CourseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var unitNames = (await units.FindManyAsync(shown.Select(e => learners[e.PersonId].HomeUnitId).OfType<Guid>().Distinct(), cancellationToken))
            .ToDictionary(u => u.Id, u => u.DisplayName);
        var items = new List<OverdueRow>();
        foreach (var e in shown)
        {
            var person = learners[e.PersonId];
            var done = (await progress.DoneLessonIdsAsync(db, e, cancellationToken)).Count;
            items.Add(new OverdueRow(e.Id, e.PersonId, person.FullName, person.HomeUnitId is { } unitId ? unitNames.GetValueOrDefault(unitId, "") : "",
                e.CourseId, titles[e.CourseId], e.DueAt!.Value, EnrolmentRules.ProgressPercent(done, lessonCounts.GetValueOrDefault(e.CourseId)),
                Math.Max(1, EnrolmentRules.Today(now).DayNumber - EnrolmentRules.DueDay(e.DueAt!.Value).DayNumber)));
        }
        return new Page<OverdueRow>(items, rows.Count);
    }
}
