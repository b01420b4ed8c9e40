using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingHub.Accounts.Contracts;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Home;

/// <summary>
/// The person's own supervision as a supervisee or mentee, for the home page: their next supervision and their next
/// mentoring meeting, the logs that wait for their signature, and practice hours to submit or to correct. What they owe
/// as a supervisor or mentor is on the part for the people they support, not here. A few indexed queries of one person.
/// </summary>
internal sealed class SupervisionSteps(
    IDbContextFactory<SupervisionDbContext> dbFactory, IPeopleSelection people, IStringLocalizer<SupervisionResource> localizer)
    : INextSteps
{
    /// <summary>A meeting within this long is due soon.</summary>
    public static readonly TimeSpan SoonBefore = TimeSpan.FromDays(2);

    private sealed record Meeting(Guid Id, SessionKind Kind, Guid LeaderId, DateTimeOffset StartsAt);

    public async Task<IReadOnlyList<NextStep>> ForAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var meetings = await MeetingsAsync(db, personId, now, cancellationToken);
        var logs = await db.Logs.AsNoTracking()
            .Where(l => l.PersonId == personId && l.PersonSignedAt == null)
            .Join(db.Sessions, l => l.SessionId, s => s.Id, (l, s) => new Meeting(s.Id, s.Kind, l.LeaderId, s.StartsAt))
            .ToListAsync(cancellationToken);
        // The person (for their position) and the leaders of their meetings in one look-up.
        var found = (await people.FindAsync(new PeopleCriteria(PersonIds: [.. meetings.Concat(logs).Select(m => m.LeaderId).Append(personId).Distinct()]),
            cancellationToken)).ToDictionary(p => p.Id);
        string Name(Guid id) => found.TryGetValue(id, out var leader) ? leader.FullName : "?";

        var steps = new List<NextStep>();
        foreach (var meeting in meetings)
        {
            steps.Add(new NextStep(
                $"supervision:session:{meeting.Id}", localizer["Home:Step:Meeting", localizer[$"Sessions:Kind:{meeting.Kind}"], Name(meeting.LeaderId)],
                meeting.Kind == SessionKind.Mentoring ? await PairLinkAsync(db, meeting, personId, cancellationToken) : $"supervision/sessions#session-{meeting.Id}",
                localizer["Home:Step:Open"], meeting.StartsAt - now <= SoonBefore ? NextStepUrgency.DueSoon : NextStepUrgency.Upcoming, meeting.StartsAt,
                meeting.Kind == SessionKind.Mentoring ? Icons.Material.Filled.Handshake : Icons.Material.Filled.EventNote));
        }
        steps.AddRange(logs.Select(log => new NextStep(
            $"supervision:log:{log.Id}:{personId}", localizer["Home:Step:SignLog", localizer[$"Sessions:Kind:{log.Kind}"], Name(log.LeaderId)],
            $"supervision/sessions/{log.Id}/log/{personId}", localizer["Home:Step:Sign"], NextStepUrgency.Open, null, Icons.Material.Filled.EditNote)
        {
            Detail = localizer["Home:Step:HeldOn", KyivTime.ToKyiv(log.StartsAt).ToString("d", CultureInfo.CurrentCulture)],
        }));
        steps.AddRange(await HoursAsync(db, personId, found.GetValueOrDefault(personId)?.PositionTypeId, DailyRuns.DayOf(now), cancellationToken));
        return steps;
    }

    /// <summary>The next supervision (or coaching) and the next mentoring meeting the person takes part in, not yet begun.</summary>
    private static async Task<List<Meeting>> MeetingsAsync(SupervisionDbContext db, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now.ToUniversalTime();
        var mine = db.Set<SessionParticipant>().Where(p => p.PersonId == personId)
            .Join(db.Sessions.Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt >= from), p => p.SessionId, s => s.Id, (_, s) => s);
        var supervision = await mine.Where(s => s.Kind != SessionKind.Mentoring).OrderBy(s => s.StartsAt)
            .Select(s => new Meeting(s.Id, s.Kind, s.LeaderId, s.StartsAt)).FirstOrDefaultAsync(cancellationToken);
        var mentoring = await mine.Where(s => s.Kind == SessionKind.Mentoring).OrderBy(s => s.StartsAt)
            .Select(s => new Meeting(s.Id, s.Kind, s.LeaderId, s.StartsAt)).FirstOrDefaultAsync(cancellationToken);
        return [.. new[] { supervision, mentoring }.OfType<Meeting>()];
    }

    /// <summary>A mentoring meeting is handled on its pair's page, which lists the pair's meetings.</summary>
    private static async Task<string> PairLinkAsync(SupervisionDbContext db, Meeting meeting, Guid personId, CancellationToken cancellationToken)
    {
        var pair = await db.Assignments.AsNoTracking()
            .Where(a => a.Role == AssignmentRole.Mentor && a.PersonId == personId && a.AssigneeId == meeting.LeaderId)
            .OrderByDescending(a => a.StartsOn).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return pair is { } id ? $"supervision/mentoring/{id}" : "supervision/mentoring";
    }

    /// <summary>
    /// Hours sent back for correction; and, where the person's position asks for practice hours, this week's hours while
    /// none of them is submitted (hours are reviewed a week at a time) and drafts of earlier weeks never submitted.
    /// </summary>
    private async Task<List<NextStep>> HoursAsync(SupervisionDbContext db, Guid personId, Guid? position, DateOnly today, CancellationToken cancellationToken)
    {
        var monday = HoursRules.WeekOf(today);
        var entries = await db.HoursEntries.AsNoTracking()
            .Where(e => e.PersonId == personId && (e.Date >= monday || e.State == HoursState.Draft || e.State == HoursState.Rejected))
            .Select(e => new { e.Date, e.State, e.ApprovalWithdrawn })
            .ToListAsync(cancellationToken);
        var steps = new List<NextStep>();
        var returned = entries.Count(e => e.State == HoursState.Rejected || (e.State == HoursState.Draft && e.ApprovalWithdrawn));
        if (returned > 0)
        {
            steps.Add(new NextStep("supervision:hours:returned", localizer["Home:Step:HoursReturned", returned], "supervision/hours",
                localizer["Home:Step:Correct"], NextStepUrgency.Open, null, Icons.Material.Filled.MoreTime));
        }
        if (position is null || (await HoursRequirements.LinesForAsync(db, [(personId, position)], cancellationToken))[personId].Count == 0)
        {
            return steps;
        }
        var earlierDrafts = entries.Count(e => e.State == HoursState.Draft && !e.ApprovalWithdrawn && e.Date < monday);
        if (earlierDrafts > 0)
        {
            steps.Add(new NextStep("supervision:hours:earlier", localizer["Home:Step:HoursEarlier", earlierDrafts], "supervision/hours",
                localizer["Home:Step:Submit"], NextStepUrgency.Overdue, null, Icons.Material.Filled.MoreTime));
        }
        if (!entries.Any(e => e.Date >= monday && e.State is HoursState.Submitted or HoursState.Approved))
        {
            steps.Add(new NextStep($"supervision:hours:week:{monday:yyyy-MM-dd}", localizer["Home:Step:HoursWeek"], "supervision/hours",
                localizer["Home:Step:Submit"], NextStepUrgency.Open, null, Icons.Material.Filled.MoreTime)
            {
                Detail = localizer["Home:Step:WeekOf", monday.ToString("d", CultureInfo.CurrentCulture)],
            });
        }
        return steps;
    }
}
