using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.DataGenerator;

/// <summary>
/// The Competencies module's tables: frameworks, profiles and publication through the module's own services; its copy of
/// people, assessor ratings (one to three per competency rated, so there is history) and the level that counts per person
/// and competency, in bulk, as the rating service leaves them.
/// </summary>
internal static class CompetenciesData
{
    /// <summary>Six areas of ten competencies, four of each in a nested area.</summary>
    private const int Areas = 6;
    private const int PerArea = 10;

    /// <summary>How many of a framework's competencies each position's profile requires.</summary>
    private static readonly IReadOnlyList<(PositionTypeInfo Position, int Required)> Profiles =
    [
        (NationalPositions.SocialWorker, 60), (NationalPositions.CaseManager, 45), (NationalPositions.SocialAssistant, 30),
        (NationalPositions.Volunteer, 15), (NationalPositions.Supervisor, 20),
    ];

    private static readonly string[] Frameworks = ["Захист дітей і сімей", "Інклюзивна підтримка", "Ведення випадку"];

    /// <summary>Creates and publishes the frameworks; answers their published versions' ids.</summary>
    public static async Task<IReadOnlyList<Guid>> FrameworksAsync(ModuleTestHost host)
    {
        host.User.Holding(new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, null));
        var catalogue = host.Get<FrameworkCatalogue>();
        var tree = host.Get<FrameworkTree>();
        var profiles = host.Get<RoleProfiles>();
        var versions = new List<Guid>();
        foreach (var (title, f) in Frameworks.Select((t, i) => (t, i + 1)))
        {
            var frameworkId = Ok(await catalogue.CreateAsync(new NewFrameworkInput { Code = $"NAT-{f}", Texts = new FrameworkTexts { Name = title } }));
            var versionId = (await catalogue.GetAsync(frameworkId)).Value.VersionId;
            var competencies = new List<Guid>();
            for (var a = 1; a <= Areas; a++)
            {
                var area = Ok(await tree.AddAsync(versionId, null, new NodeInput { Kind = NodeKind.Area, Code = $"{f}.{a}", Name = $"Сфера {f}.{a}" }));
                var nested = Ok(await tree.AddAsync(versionId, area, new NodeInput { Kind = NodeKind.Area, Code = $"{f}.{a}.N", Name = $"Підсфера {f}.{a}" }));
                for (var c = 1; c <= PerArea; c++)
                {
                    competencies.Add(Ok(await tree.AddAsync(versionId, c <= 6 ? area : nested,
                        new NodeInput { Kind = NodeKind.Competency, Code = $"{f}.{a}.{c}", Name = $"Компетентність {f}.{a}.{c}" })));
                }
            }
            foreach (var (position, required) in Profiles)
            {
                foreach (var (competency, i) in competencies.Take(required).Select((c, i) => (c, i)))
                {
                    Check(await profiles.SetAsync(position.Id, competency, 1 + i % 3));
                }
            }
            var draft = (await catalogue.GetAsync(frameworkId)).Value;
            Check(await catalogue.PublishAsync(draft.VersionId, draft.Version));
            versions.Add(versionId);
        }
        return versions;
    }

    /// <summary>The people, and about <paramref name="ratings"/> ratings spread over those whose profiles require something.</summary>
    public static async Task WriteAsync(ModuleTestHost host, BatchWriter writer, Random random, IReadOnlyList<Person> people, int ratings, DateTimeOffset now)
    {
        await using var db = host.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        await writer.WriteAsync(db, people.Select(p => new Member
        {
            Id = p.Id, FullName = p.FullName, SearchName = p.FullName.ToUpperInvariant(), HomeUnitId = p.Home.Id, OblastId = p.Hromada.Oblast.Id,
            HromadaId = p.Hromada.Unit.Id, OrganisationId = p.OrganisationId, PositionTypeId = p.Position.Id, IsActive = p.IsActive,
        }));
        var requirements = (await (from r in db.RoleRequirements
                                   join n in db.Nodes on r.NodeId equals n.Id
                                   select new Requirement(r.PositionTypeId, r.FrameworkVersionId, r.NodeId, n.LineageId)).ToListAsync())
            .OrderBy(r => r.LineageId).ToLookup(r => r.PositionTypeId);
        var rated = people.Where(p => requirements[p.Position.Id].Any()).ToList();
        // Two ratings per competency rated, on average.
        var perPerson = ratings / 2.0 / Math.Max(1, rated.Count);
        foreach (var chunk in rated.Chunk(2_500))
        {
            var ratingRows = new List<CompetencyRating>();
            var counted = new List<CountedLevel>();
            foreach (var person in chunk)
            {
                var required = requirements[person.Position.Id].ToList();
                var count = Math.Min(required.Count, (int)perPerson + (random.NextDouble() < perPerson % 1 ? 1 : 0));
                foreach (var requirement in required.OrderBy(_ => random.Next()).Take(count))
                {
                    // A month apart, so the last one written is the latest.
                    var first = now.AddDays(-random.Next(90, 720));
                    CompetencyRating? latest = null;
                    var times = random.Next(1, 4);
                    for (var n = 1; n <= times; n++)
                    {
                        latest = new CompetencyRating
                        {
                            Id = random.NextGuid(), PersonId = person.Id, FrameworkVersionId = requirement.VersionId, NodeId = requirement.NodeId,
                            LineageId = requirement.LineageId, Kind = RatingKind.Assessor, LevelRank = random.Next(0, 5), Reason = "Спостереження",
                            RatedById = Guid.Empty, RatedAt = first.AddDays(30 * n),
                        };
                        ratingRows.Add(latest);
                    }
                    counted.Add(new CountedLevel { PersonId = person.Id, LineageId = requirement.LineageId, LevelRank = latest!.LevelRank, RatedAt = latest.RatedAt });
                }
            }
            await writer.WriteAsync(db, ratingRows);
            await writer.WriteAsync(db, counted);
        }
    }

    private sealed record Requirement(Guid PositionTypeId, Guid VersionId, Guid NodeId, Guid LineageId);

    private static Guid Ok(Result<Guid> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error!.ToString());

    private static void Check(Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Error!.ToString());
        }
    }
}
