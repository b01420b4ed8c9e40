using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Home;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Modules;

namespace TrainingHub.SharedKernel.Security;

/// <summary>Permissions for what the platform itself offers rather than a business module.</summary>
public static class PlatformPermissions
{
    /// <summary>Open the background job dashboard.</summary>
    public const string JobsDashboard = "Platform.Jobs.View";
}

/// <summary>The platform's own entry in the module catalogue, so its permissions are granted and named like any module's.</summary>
internal sealed class PlatformModule : TrainingHubModule
{
    public override string Name => CommonResource.Name;

    public override IEnumerable<PermissionDefinition> Permissions =>
    [
        new(PlatformPermissions.JobsDashboard, typeof(CommonResource), BuiltInRoles.Administrator) { IsAdministrative = true },
    ];

    public override IEnumerable<HomePart> HomeParts =>
    [
        new(typeof(BackgroundWorkPart), HomeSection.Administration, PlatformPermissions.JobsDashboard, 10),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddScoped<BackgroundWork>();

    public override void ScheduleJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<MailDispatcher>(MailDispatcher.RecurringJobId, d => d.DispatchAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<IntegrationEventDispatcher>(IntegrationEventDispatcher.RecurringJobId, d => d.DispatchAsync(CancellationToken.None), Cron.Minutely());
    }
}
