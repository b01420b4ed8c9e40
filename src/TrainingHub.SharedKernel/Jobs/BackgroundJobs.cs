using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Security;

namespace TrainingHub.SharedKernel.Jobs;

/// <summary>
/// Hangfire for reminders, mail and other background work: in memory on the embedded default, in PostgreSQL
/// when the app runs on PostgreSQL, so that several app nodes share one job store and run each job once.
/// </summary>
public static class BackgroundJobs
{
    public const string DashboardPath = "/jobs";

    internal static IServiceCollection AddBackgroundJobs(this IServiceCollection services)
    {
        services.AddHangfire((sp, config) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        return services;
    }

    /// <summary>The server that runs the jobs; every app node runs one, sharing the job store.</summary>
    internal static IServiceCollection AddBackgroundJobServer(this IServiceCollection services) =>
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });

    /// <summary>The job dashboard, for people holding <see cref="PlatformPermissions.JobsDashboard"/> only.</summary>
    internal static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new PermissionDashboardFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });

    private sealed class PermissionDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            PermissionGrant.From(context.GetHttpContext().User).Any(g => g.Permission == PlatformPermissions.JobsDashboard);
    }
}
