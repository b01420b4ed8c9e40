using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingHub.SharedKernel.Export;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Api;
using TrainingHub.Organisations.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using TrainingHub.Audit.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.DemoData;
using TrainingHub.Competencies.Home;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Services;
using TrainingHub.Learning.Contracts;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;

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
        new(CompetencyPermissions.FrameworksEdit, typeof(CompetenciesResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(CompetencyPermissions.FrameworksImport, typeof(CompetenciesResource), BuiltInRoles.Administrator, BuiltInRoles.Coordinator),
        new(CompetencyPermissions.RatingsRate, typeof(CompetenciesResource),
            BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor, BuiltInRoles.Mentor),
        new(CompetencyPermissions.GapsView, typeof(CompetenciesResource),
            BuiltInRoles.Administrator, BuiltInRoles.Coordinator, BuiltInRoles.Supervisor, BuiltInRoles.Mentor),
    ];

    public override IEnumerable<MenuItem> MenuItems =>
    [
        new("Menu:MyCompetencies", "competencies/my", Icons.Material.Filled.TrendingUp, CompetencyPermissions.FrameworksView, typeof(CompetenciesResource), 29) { Group = MenuGroup.MyWork },
        new("Menu:Competencies", "competencies/frameworks", Icons.Material.Filled.Psychology, CompetencyPermissions.FrameworksView, typeof(CompetenciesResource), 30) { Group = MenuGroup.Competencies },
        new("Menu:CompetencyGaps", "competencies/gaps", Icons.Material.Filled.GridOn, CompetencyPermissions.GapsView, typeof(CompetenciesResource), 31) { Group = MenuGroup.Competencies },
    ];

    public override IEnumerable<PersonLink> PersonLinks =>
    [
        new("Menu:PersonCompetencies", "competencies/people/{0}", Icons.Material.Filled.TrendingUp, CompetencyPermissions.RatingsRate, typeof(CompetenciesResource)),
    ];

    public override IEnumerable<HomePart> HomeParts =>
    [
        new(typeof(CompetencyCoveragePart), HomeSection.Area, CompetencyPermissions.GapsView, 30),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<CompetenciesDbContext, CompetenciesSqliteDbContext, CompetenciesPostgreSqlDbContext>(CompetenciesDbContext.Schema);
        services.AddScoped<FrameworkCatalogue>();
        services.AddScoped<SharedKernel.Search.ISearchSource, Search.CompetencySearchSource>();
        services.AddScoped<FrameworkTree>();
        services.AddScoped<FrameworkExchange>();
        services.AddSingleton<IModuleInitializer, CompetenciesDemoData>();
        services.TryAddSingleton<IAuditTrail, NullAuditTrail>();
        services.AddScoped<RoleProfiles>();
        services.AddScoped<CompetencyRatings>();
        services.AddScoped<CompetencyGaps>();
        services.AddScoped<GapExport>();
        services.AddScoped<CompetencyCoverage>();
        services.AddSingleton<ICompetencyUsage, RatedCompetencies>();
        services.AddSingleton<IRoleProfileDirectory, PublishedRoleProfiles>();
        services.AddScoped<CompetencyEvidence>();
        services.AddSingleton<ICompetencyEvidence, CourseCompletions>();
        services.AddIntegrationEventHandler<CourseCompleted, CourseCompletionEvidenceHandler, CompetenciesDbContext>();
        services.AddIntegrationEventHandler<PracticeHoursApproved, PracticeHoursEvidence, CompetenciesDbContext>();
        services.AddIntegrationEventHandler<PracticeHoursApprovalWithdrawn, PracticeHoursEvidence, CompetenciesDbContext>();
        services.AddIntegrationEventHandler<CompetencyObserved, ObservationEvidence, CompetenciesDbContext>();
        services.AddSingleton<ICompetencyDirectory, PublishedCompetencyDirectory>();
        services.AddSingleton<ICompetencyLevels, CountedCompetencyLevels>();
        services.AddSingleton<ICompetencyFigures, CompetencyFigures>();
        services.AddSingleton(sp => new MemberSync(
            sp.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>(), sp.GetRequiredService<IUnitHierarchy>(),
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetService<IPeopleLookup>(), sp.GetService<IPeopleRoster>()));
        services.AddIntegrationEventHandler<PersonChanged, MemberSync, CompetenciesDbContext>();
        // After the migrations and, in the app, after Accounts has made its demo people.
        services.AddSingleton<IModuleInitializer>(sp => sp.GetRequiredService<MemberSync>());
        services.AddSingleton<FigureTallies>();
        // After the people are reconciled, so that the first count holds them.
        services.AddSingleton<IModuleInitializer>(sp => sp.GetRequiredService<FigureTallies>());
    }

    public override void ScheduleJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<MemberSync>(MemberSync.RecurringJobId, s => s.ReconcileAsync(CancellationToken.None), Cron.Daily(2));
        // The planning figures: counted again soon after a change, and every night whatever happened.
        jobs.AddOrUpdate<FigureTallies>(FigureTallies.RecurringJobId, s => s.RefreshIfBehindAsync(CancellationToken.None), FigureTallies.Every);
        jobs.AddOrUpdate<FigureTallies>(FigureTallies.NightlyJobId, s => s.RefreshAsync(CancellationToken.None), Cron.Daily(3));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFrameworksApi();
        // A download, so a plain endpoint rather than a page; the service checks who may see drafts.
        endpoints.MapGet("/competencies/frameworks/{id:guid}/versions/{number:int}/export",
                async Task<IResult> (Guid id, int number, string? format, HttpContext context, FrameworkExchange exchange, CancellationToken cancellationToken) =>
                {
                    var kind = string.Equals(format, "case", StringComparison.OrdinalIgnoreCase) ? ExchangeFormat.CasePackage : ExchangeFormat.MoodleCsv;
                    var baseUri = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
                    return Spreadsheets.ToDownload(await exchange.ExportAsync(id, number, kind, baseUri, cancellationToken));
                })
            .RequireAuthorization(CompetencyPermissions.FrameworksView);
        // Served as an attachment the browser may not sniff or run, whatever the file holds. Anyone who may not see the
        // person's evidence is told it is not found, so the address does not reveal whether it exists.
        endpoints.MapGet("/competencies/evidence/{id:guid}/file",
                async Task<IResult> (Guid id, HttpContext context, CompetencyEvidence evidence, CancellationToken cancellationToken) =>
                {
                    if (!(await evidence.OpenFileAsync(id, cancellationToken)).TryGetValue(out var file, out _))
                    {
                        return TypedResults.NotFound();
                    }
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    context.Response.Headers.ContentSecurityPolicy = "sandbox";
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                })
            .RequireAuthorization();
        // The service checks the permission again at the unit asked for.
        endpoints.MapGet("/competencies/gaps/export",
                async (Guid version, Guid unit, string? format, GapExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(version, unit, Spreadsheets.Format(format), cancellationToken)))
            .RequireAuthorization(CompetencyPermissions.GapsView);
    }
}
