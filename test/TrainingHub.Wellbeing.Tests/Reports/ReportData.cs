using System.Text.Json;
using TrainingHub.Organisations.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;
using Microsoft.EntityFrameworkCore;

namespace TrainingHub.Wellbeing.Tests.Reports;

/// <summary>Someone invited to a round of the report's data: their home unit, and their personal score if they answered.</summary>
internal sealed record Invited(Guid UnitId, decimal? Personal = null, Guid? PersonId = null);

/// <summary>
/// A schedule with rounds already answered, written straight to the database as the check-in pages would leave them:
/// each answer an invitation marked answered and a response with scores but no person.
/// </summary>
internal static class ReportData
{
    public static async Task<Guid> UnitAsync(ModuleTestHost host, string katottg) =>
        (await host.Get<IOrganisationDirectory>().FindByKatottgAsync(katottg))!.Id;

    public static async Task<Guid> ScheduleAsync(ModuleTestHost host, Guid unitId)
    {
        await using var db = host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        var schedule = new CheckInSchedule { UnitId = unitId, InstrumentCode = BuiltInInstruments.Cbi, NextOpensOn = new DateOnly(2027, 1, 1) };
        db.Schedules.Add(schedule);
        await db.SaveChangesAsync();
        return schedule.Id;
    }

    /// <summary>A round that opened the given number of days ago (closed after 7 days) with these people invited.</summary>
    public static async Task<Guid> RoundAsync(ModuleTestHost host, Guid scheduleId, int openedDaysAgo, params Invited[] invited)
    {
        await using var db = host.Get<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        var schedule = await db.Schedules.SingleAsync(s => s.Id == scheduleId);
        var opens = DateTimeOffset.UtcNow.AddDays(-openedDaysAgo);
        var round = new CheckInRound
        {
            ScheduleId = scheduleId, UnitId = schedule.UnitId, InstrumentCode = BuiltInInstruments.Cbi, OpensOn = DateOnly.FromDateTime(opens.UtcDateTime),
            OpensAt = opens, ClosesAt = opens + CheckInRound.OpenFor,
        };
        db.Rounds.Add(round);
        foreach (var person in invited)
        {
            var invitation = new RoundInvitation { RoundId = round.Id, PersonId = person.PersonId ?? Guid.NewGuid(), UnitId = person.UnitId, State = InvitationState.Invited };
            if (person.Personal is { } score)
            {
                var response = new CheckInResponse
                {
                    RoundId = round.Id, UnitId = person.UnitId, SubmittedOn = round.OpensOn,
                    Scores = JsonSerializer.Serialize(new Dictionary<string, decimal> { ["personal"] = score, ["work"] = 100 - score }),
                };
                db.Responses.Add(response);
                (invitation.State, invitation.ResponseId) = (InvitationState.Answered, response.Id);
            }
            db.Invitations.Add(invitation);
        }
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>The given number of people of a unit answering with the same personal score.</summary>
    public static IEnumerable<Invited> Answering(Guid unitId, int count, decimal personal) => Enumerable.Range(0, count).Select(_ => new Invited(unitId, personal));
}
