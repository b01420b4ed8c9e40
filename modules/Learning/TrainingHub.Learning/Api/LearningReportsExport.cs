using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrainingHub.SharedKernel.Export;
using TrainingHub.Audit.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Api;

/// <summary>The learning reports and their file export, which the reports page links to.</summary>
internal static class LearningReportsExport
{
    public static IServiceCollection AddLearningReports(this IServiceCollection services)
    {
        services.AddScoped<LearningReports>();
        services.AddScoped<ReportExport>();
        // Where the audit module is not part of the app, exports go unrecorded rather than failing.
        services.TryAddSingleton<IAuditTrail, NullAuditTrail>();
        return services;
    }

    /// <summary>The service checks the permission again at the unit asked for.</summary>
    public static void MapLearningReportsExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/learning/reports/export",
                async (Guid unit, Guid? course, string? format, ReportExport export, CancellationToken cancellationToken) =>
                    Spreadsheets.ToDownload(await export.ExportAsync(unit, course, Spreadsheets.Format(format), cancellationToken)))
            .RequireAuthorization(LearningPermissions.ProgressView);
}
