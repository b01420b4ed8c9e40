using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Instruments;
using TrainingHub.Wellbeing.Rounds;

namespace TrainingHub.DataGenerator;

/// <summary>
/// The Wellbeing module's tables: a monthly check-in of every hromada with the built-in instrument, its past rounds, an
/// invitation per active person and round, and the answers of about 85 % of them, scored and submitted as the check-in
/// page leaves them, until about <c>responses</c> answers are written. Answers name nobody; only the invitation leads to them.
/// </summary>
internal static class WellbeingData
{
    /// <summary>Different sets of answers to copy from, so scores spread as real ones would.</summary>
    private const int Patterns = 64;

    public static async Task WriteAsync(ModuleTestHost host, BatchWriter writer, Random random, Country country, IReadOnlyList<Person> people, int responses, DateTimeOffset now)
    {
        await using var db = host.Services.GetRequiredService<IDbContextFactory<WellbeingDbContext>>().CreateDbContext();
        var instrument = (await db.Instruments.AsNoTracking().SingleAsync(i => i.Code == BuiltInInstruments.Cbi)).Definition;
        var patterns = new[] { true, false }.ToDictionary(withClients => withClients, withClients => Enumerable.Range(0, Patterns).Select(_ =>
        {
            var response = new CheckInResponse();
            foreach (var item in instrument.Items)
            {
                // Refused, and so left out, for a client item from someone who does not work with clients.
                response.Answer(instrument, withClients, item.Code, random.Next(0, instrument.OptionsOf(item).Count));
            }
            response.Submit(instrument, withClients, DateOnly.MinValue);
            return (response.Answers, response.Scores);
        }).ToList());

        var active = people.Where(p => p.IsActive).ToList();
        var months = (int)Math.Ceiling(responses / (0.85 * Math.Max(1, active.Count)));
        var answering = responses / (double)Math.Max(1, active.Count * months);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var schedules = country.Hromadas.ToDictionary(h => h.Unit.Id, h => new CheckInSchedule
        {
            Id = random.NextGuid(), UnitId = h.Unit.Id, InstrumentCode = BuiltInInstruments.Cbi, NextOpensOn = today.AddMonths(1), Version = random.NextGuid(),
        });
        await writer.WriteAsync(db, schedules.Values);
        for (var m = months; m >= 1; m--)
        {
            var opensOn = today.AddMonths(-m);
            var opensAt = new DateTimeOffset(opensOn.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
            var rounds = schedules.Values.ToDictionary(s => s.UnitId, s => new CheckInRound
            {
                Id = random.NextGuid(), ScheduleId = s.Id, UnitId = s.UnitId, InstrumentCode = BuiltInInstruments.Cbi, OpensOn = opensOn, OpensAt = opensAt,
                ClosesAt = opensAt + CheckInRound.OpenFor,
            });
            await writer.WriteAsync(db, rounds.Values);
            var invitations = new List<RoundInvitation>();
            var answers = new List<CheckInResponse>();
            foreach (var person in active)
            {
                var round = rounds[person.Hromada.Unit.Id];
                var invitation = new RoundInvitation
                {
                    Id = random.NextGuid(), RoundId = round.Id, PersonId = person.Id, UnitId = person.Home.Id, PositionTypeId = person.Position.Id,
                    State = InvitationState.Invited, RemindersPlannedAt = opensAt,
                };
                if (random.NextDouble() < answering)
                {
                    var (text, scores) = patterns[person.Position.WorksWithClients][random.Next(Patterns)];
                    var response = new CheckInResponse
                    {
                        Id = random.NextGuid(), RoundId = round.Id, UnitId = person.Home.Id, PositionTypeId = person.Position.Id, Answers = text,
                        Scores = scores, SubmittedOn = opensOn.AddDays(random.Next(0, 7)), Version = random.NextGuid(),
                    };
                    answers.Add(response);
                    (invitation.State, invitation.ResponseId) = (InvitationState.Answered, response.Id);
                }
                invitations.Add(invitation);
            }
            await writer.WriteAsync(db, answers);
            await writer.WriteAsync(db, invitations);
        }
    }
}
