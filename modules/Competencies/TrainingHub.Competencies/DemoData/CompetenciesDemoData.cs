using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.Competencies.DemoData;

/// <summary>
/// With demo data on, the demo framework is there and published, read from the same CSV a coordinator could import,
/// and each built-in position type has its role profile in it.
/// </summary>
internal sealed class CompetenciesDemoData(
    IDbContextFactory<CompetenciesDbContext> dbFactory, IServiceScopeFactory scopes, IConfiguration configuration) : IModuleInitializer
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        var read = DemoFramework.Read();
        var code = CompetencyFramework.Normalize(read.Document!.Code);
        using var scope = scopes.CreateScope();
        bool exists;
        await using (var db = dbFactory.CreateDbContext())
        {
            exists = await db.Frameworks.AnyAsync(f => f.NormalizedCode == code, cancellationToken);
        }
        if (!exists)
        {
            var written = await scope.ServiceProvider.GetRequiredService<FrameworkExchange>().WriteAsync(read.Document, publish: true, cancellationToken);
            if (!written.Succeeded)
            {
                throw new InvalidOperationException($"The demo framework could not be written: {written.Error}");
            }
        }
        await AddRoleProfilesAsync(code, scope.ServiceProvider.GetRequiredService<IPositionTypes>(), cancellationToken);
        if (scope.ServiceProvider.GetService<IPeopleLookup>() is { } people)
        {
            await AddRatingsAsync(code, people, cancellationToken);
        }
    }

    /// <summary>Who rates which demo people: the supervisor their hromada, the coordinator the rest of the oblast.</summary>
    private static readonly (string Rater, string[] People)[] Assessments =
    [
        ("supervisor@traininghub.example",
            ["learner@traininghub.example", "h.bondarenko@traininghub.example", "v.kravchuk@traininghub.example", "n.tkachenko@traininghub.example", "mentor@traininghub.example"]),
        ("coordinator@traininghub.example",
            ["o.melnyk@traininghub.example", "t.shevchuk@traininghub.example", "y.kovalenko@traininghub.example", "r.boiko@traininghub.example"]),
    ];

    private static readonly string[] Reasons =
    [
        "Спостереження під час спільного візиту до родини.",
        "Обговорили випадок на супервізії: дії були доречні й послідовні.",
        "Перевірено записи справи за останній місяць.",
        "Розбір складної ситуації на груповій супервізії.",
    ];

    /// <summary>
    /// A few months of assessments for the demo people of Zhytomyr Oblast, so the gap view and My competencies have
    /// something to show: most competencies meet the profile, some are a level short and some are not rated yet.
    /// Added once, while nobody has been rated.
    /// </summary>
    private async Task AddRatingsAsync(string frameworkCode, IPeopleLookup people, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        if (await db.Ratings.AnyAsync(cancellationToken))
        {
            return;
        }
        var versionId = await (
                from framework in db.Frameworks
                join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                where framework.NormalizedCode == frameworkCode && version.Status == FrameworkStatus.Published
                select version.Id)
            .SingleAsync(cancellationToken);
        var requirements = await (
                from requirement in db.RoleRequirements
                join node in db.Nodes on requirement.NodeId equals node.Id
                where requirement.FrameworkVersionId == versionId
                orderby node.Code
                select new { requirement.PositionTypeId, node.Id, node.LineageId, requirement.LevelRank })
            .ToListAsync(cancellationToken);
        var today = DateTimeOffset.UtcNow.Date;
        var personIndex = 0;
        foreach (var (raterEmail, emails) in Assessments)
        {
            var rater = await people.FindByEmailAsync(raterEmail, cancellationToken);
            foreach (var email in emails)
            {
                personIndex++;
                var person = await people.FindByEmailAsync(email, cancellationToken);
                if (rater is null || person?.PositionTypeId is not { } positionTypeId)
                {
                    continue;
                }
                var index = 0;
                foreach (var requirement in requirements.Where(r => r.PositionTypeId == positionTypeId))
                {
                    index++;
                    var turn = (index + personIndex) % 6;
                    if (turn == 0)
                    {
                        continue;
                    }
                    var rank = turn == 1 ? Math.Max(0, requirement.LevelRank - 1) : requirement.LevelRank;
                    db.Ratings.Add(new CompetencyRating
                    {
                        PersonId = person.Id, FrameworkVersionId = versionId, NodeId = requirement.Id, LineageId = requirement.LineageId,
                        Kind = RatingKind.Assessor, LevelRank = rank, Reason = Reasons[(index + personIndex) % Reasons.Length],
                        RatedById = rater.Id, RatedAt = new DateTimeOffset(today.AddDays(-(index * 3 + personIndex)).AddHours(10), TimeSpan.Zero),
                    });
                }
            }
        }
        await db.KeepCountedLevelsAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Profiles go on the first version of the demo framework, once: a coordinator who changed them in a later version
    /// keeps their changes. Level 1 ("not yet") means the position does not require the competency.
    /// </summary>
    private async Task AddRoleProfilesAsync(string frameworkCode, IPositionTypes positionTypes, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateDbContext();
        var versionId = await (
                from framework in db.Frameworks
                join version in db.FrameworkVersions on framework.Id equals version.FrameworkId
                where framework.NormalizedCode == frameworkCode && version.Number == 1
                select version.Id)
            .SingleAsync(cancellationToken);
        if (await db.RoleRequirements.AnyAsync(r => r.FrameworkVersionId == versionId, cancellationToken))
        {
            return;
        }
        var nodes = await db.Nodes.Where(n => n.FrameworkVersionId == versionId && n.Kind == NodeKind.Competency)
            .ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
        var profiles = DemoFramework.RoleProfiles();
        foreach (var position in await positionTypes.ListAsync(cancellationToken))
        {
            if (!profiles.TryGetValue(position.Code, out var profile))
            {
                continue;
            }
            db.RoleRequirements.AddRange(profile
                .Where(p => p.Value > 1 && nodes.ContainsKey(p.Key))
                .Select(p => new RoleRequirement { FrameworkVersionId = versionId, PositionTypeId = position.Id, NodeId = nodes[p.Key], LevelRank = p.Value - 1 }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
