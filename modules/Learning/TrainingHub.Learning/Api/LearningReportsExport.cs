using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
                async Task<IResult> (Guid unit, Guid? course, string? format, ReportExport export, CancellationToken cancellationToken) =>
                {
                    var kind = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Xlsx : ReportFormat.Csv;
                    var file = await export.ExportAsync(unit, course, kind, cancellationToken);
                    return file.Succeeded
                        ? TypedResults.File(file.Value.Content, file.Value.ContentType, file.Value.FileName)
                        : file.Error!.Kind == ErrorKind.Forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
                })
            .RequireAuthorization(LearningPermissions.ProgressView);
}
