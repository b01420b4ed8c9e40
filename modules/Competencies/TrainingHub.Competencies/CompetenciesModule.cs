using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.Competencies.Contracts;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.Competencies;

[LocalizationResource("Competencies")]
public sealed class CompetenciesResource;

/// <summary>
/// What people in each position must be able to do, at what level, and who can show it: competency frameworks with
/// their proficiency scales, role profiles, ratings with evidence, and gaps per unit.
/// </summary>
public sealed class CompetenciesModule : TrainingHubModule
{
    public override string Name => "Competencies";

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(CompetencyPermissions.FrameworksView, typeof(CompetenciesResource), BuiltInRoles.Everyone),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
    }
}
