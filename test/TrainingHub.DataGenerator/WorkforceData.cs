using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.TestKit;
using TrainingHub.Workforce.Communities;
using TrainingHub.Workforce.Data;
using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.DataGenerator;

/// <summary>
/// The Workforce module's tables: its copy of people, each organisation's funded posts (those filled plus, in about a
/// third of cases, a few vacancies; now and then posts of a position nobody holds), every hromada's report (urban or
/// rural, and, for most, its case load) and the national targets of the demo.
/// </summary>
internal static class WorkforceData
{
    public static async Task WriteAsync(ModuleTestHost host, BatchWriter writer, Random random, Country country, IReadOnlyList<Person> people)
    {
        await using var db = host.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
        await writer.WriteAsync(db, people.Select(p => new StaffMember
        {
            Id = p.Id, UnitId = p.Home.Id, OblastId = p.Hromada.Oblast.Id, HromadaId = p.Hromada.Unit.Id, OrganisationId = p.OrganisationId,
            PositionTypeId = p.Position.Id, IsActive = p.IsActive,
        }));
        await writer.WriteAsync(db, FundedPosts(random, country, people));
        await writer.WriteAsync(db, country.Hromadas.Select(h => Profile(random, h)));

        var norms = await db.Norms.SingleAsync();
        norms.Set(new NormTargets { MaxPeoplePerSocialWorker = 5_000, MaxChildrenPerSocialWorker = 1_000, MinVolunteersPer10000 = 2, MaxVacancyPercent = 10 });
        await db.SaveChangesAsync();
    }

    private static IEnumerable<FundedPosts> FundedPosts(Random random, Country country, IReadOnlyList<Person> people)
    {
        var holders = people.Where(p => p.IsActive && p.OrganisationId is not null)
            .CountBy(p => (Organisation: p.OrganisationId!.Value, Position: p.Position.Id)).ToDictionary();
        var funded = NationalPositions.All.Where(p => p != NationalPositions.Volunteer).ToList();
        foreach (var organisation in country.Hromadas.SelectMany(h => h.Organisations))
        {
            foreach (var position in funded)
            {
                var filled = holders.GetValueOrDefault((organisation.Id, position.Id));
                var posts = filled > 0 ? filled + (random.NextDouble() < 0.35 ? random.Next(1, 4) : 0)
                    : random.NextDouble() < 0.2 || position == NationalPositions.SocialWorker ? random.Next(1, 3) : 0;
                if (posts > 0)
                {
                    var row = Workforce.Staffing.FundedPosts.Create(organisation.Id, position.Id, posts).Value;
                    (row.Id, row.Version) = (random.NextGuid(), random.NextGuid());
                    yield return row;
                }
            }
        }
    }

    private static CommunityProfile Profile(Random random, HromadaPlace hromada)
    {
        var profile = new CommunityProfile { HromadaId = hromada.Unit.Id, Version = random.NextGuid() };
        // One in twenty hromadas has not reported its case load yet.
        var reported = random.Next(20) != 0;
        profile.Report(
            hromada.Urban ? Settlement.Urban : Settlement.Rural,
            reported ? (int)(hromada.Unit.Population!.Value * (0.002 + random.NextDouble() * 0.004)) : null,
            reported ? (int)(hromada.Unit.ChildPopulation!.Value * (0.015 + random.NextDouble() * 0.015)) : null);
        return profile;
    }
}
