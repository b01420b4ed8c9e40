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
