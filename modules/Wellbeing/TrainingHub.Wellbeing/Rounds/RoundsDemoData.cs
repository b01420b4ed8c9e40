using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.Rounds;

/// <summary>
/// With <c>DemoData:CheckInHistory</c> (Development sets it), Zhytomyr City Hromada checks in monthly: two rounds of
/// the last two months answered by everyone working there, so its figures and the demo learner's trend have something
/// to show, and a round opened today that nobody has answered yet (its invitations are not sent, so no demo person finds
/// a notification they did not expect). Nothing is added once any schedule exists.
/// </summary>
internal sealed class RoundsDemoData(
    IDbContextFactory<WellbeingDbContext> dbFactory, IConfiguration configuration, TimeProvider clock,
    IOrganisationDirectory? units = null, IPeopleSelection? people = null, IPositionTypes? positions = null) : IModuleInitializer
{
    public const string CityKatottg = "UA18040470000082484";

    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled") || !configuration.GetValue<bool>("DemoData:CheckInHistory") || units is null || people is null || positions is null)
        {
            return;
        }
        await using var db = dbFactory.CreateDbContext();
        if (await db.Schedules.AnyAsync(cancellationToken)
            || await units.FindByKatottgAsync(CityKatottg, cancellationToken) is not { } city
            || (await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == BuiltInInstruments.Cbi, cancellationToken))?.Definition is not { } instrument)
        {
            return;
        }
        var staff = (await people.FindAsync(new PeopleCriteria(HomeUnitIds: [city.Id], ActiveOnly: true), cancellationToken))
            .OrderBy(p => p.FullName, StringComparer.Ordinal).ToList();
        var positionTypes = await positions.ListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DailyRuns.DayOf(now);
        var schedule = new CheckInSchedule { UnitId = city.Id, InstrumentCode = instrument.Code, NextOpensOn = today };
        db.Schedules.Add(schedule);
        foreach (var monthsAgo in new[] { 2, 1, 0 })
        {
            var opens = now.AddMonths(-monthsAgo);
            var round = new CheckInRound
            {
                ScheduleId = schedule.Id, UnitId = city.Id, InstrumentCode = instrument.Code, OpensOn = DailyRuns.DayOf(opens),
                OpensAt = opens, ClosesAt = opens + CheckInRound.OpenFor,
            };
            db.Rounds.Add(round);
            foreach (var (person, index) in staff.Select((p, i) => (p, i)))
            {
                var invitation = new RoundInvitation
                {
                    RoundId = round.Id, PersonId = person.Id, UnitId = city.Id, PositionTypeId = person.PositionTypeId,
                    State = InvitationState.Invited, RemindersPlannedAt = now,
                };
                if (monthsAgo > 0)
                {
                    var response = new CheckInResponse { RoundId = round.Id, UnitId = city.Id, PositionTypeId = person.PositionTypeId };
                    var withClients = ClientWork.Asked(person.PositionTypeId, positionTypes);
                    foreach (var (item, itemIndex) in instrument.Items.Select((item, i) => (item, i)))
                    {
                        // Refused, and so left out, for a client item from someone who does not work with clients.
                        response.Answer(instrument, withClients, item.Code, Option(index, itemIndex, monthsAgo));
                    }
                    response.Submit(instrument, withClients, round.OpensOn.AddDays(index % 5));
                    db.Responses.Add(response);
                    (invitation.State, invitation.ResponseId) = (InvitationState.Answered, response.Id);
                }
                db.Invitations.Add(invitation);
            }
        }
        schedule.Opened(today);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// An answer between "often" and "seldom", differing by person, item and month: some people score high, most do not,
    /// and everyone a little lower last month than the month before.
    /// </summary>
    private static int Option(int person, int item, int monthsAgo) => Math.Clamp(1 + (person + item + monthsAgo) % 3 + (person % 2), 0, 4);
}
