using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Exchange;
using TrainingHub.Competencies.Services;
using TrainingHub.SharedKernel.Api;

namespace TrainingHub.Competencies.Api;

/// <summary>A problem found in an uploaded file, with where it is (a CSV line or a CASE identifier) and what it says.</summary>
internal sealed record FileProblem(int? Line, string? Identifier, string Key, string Message);

/// <summary>What reading a file found; nothing is written.</summary>
internal sealed record FileCheck(string? Code, string? Name, int AreaCount, int CompetencyCount, bool CanImport, IReadOnlyList<FileProblem> Errors, IReadOnlyList<FileProblem> Warnings);

internal sealed record ImportResponse(Guid FrameworkId, int VersionNumber, int AreaCount, int CompetencyCount);

/// <summary>
/// Competency frameworks as files over the API, with the same rules as the pages: the request body is the file itself
/// (`format=moodle` for Moodle's CSV, `format=case` for a CASE 1.0 package).
/// </summary>
internal static class FrameworksApi
{
    public static void MapFrameworksApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApi("Competency frameworks");
        api.MapGet("/competency-frameworks/{id:guid}/versions/{number:int}/export", ExportAsync)
            .RequireAuthorization(CompetencyPermissions.FrameworksView)
            .WithName("ExportFramework")
            .WithSummary("A framework version as a file")
            .WithDescription("`format=moodle` (default) gives Moodle's competency framework CSV, `format=case` a CASE 1.0 package. Drafts only for editors.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/competency-frameworks/check", CheckAsync)
            .RequireAuthorization(CompetencyPermissions.FrameworksImport)
            .WithName("CheckFrameworkFile")
            .WithSummary("Check a framework file without importing it")
            .Produces<FileCheck>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/competency-frameworks/import", ImportAsync)
            .RequireAuthorization(CompetencyPermissions.FrameworksImport)
            .WithName("ImportFramework")
            .WithSummary("Import a framework file")
            .WithDescription("All or nothing: a new framework, or the next draft version of the framework with the same code. A file with errors answers 400 with them.")
            .Produces<ImportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static ExchangeFormat FormatOf(string? format) =>
        string.Equals(format, "case", StringComparison.OrdinalIgnoreCase) ? ExchangeFormat.CasePackage : ExchangeFormat.MoodleCsv;

    private static async Task<IResult> ExportAsync(
        Guid id, int number, string? format, HttpContext context, FrameworkExchange exchange, IStringLocalizer<CompetenciesResource> localizer,
        CancellationToken cancellationToken)
    {
        var baseUri = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
        var file = await exchange.ExportAsync(id, number, FormatOf(format), baseUri, cancellationToken);
        return file.ToHttpResult(localizer, f => TypedResults.File(f.Content, f.ContentType, f.FileName));
    }

    private static async Task<IResult> CheckAsync(
        string? format, HttpRequest request, FrameworkExchange exchange, IStringLocalizer<CompetenciesResource> localizer, CancellationToken cancellationToken)
    {
        var read = exchange.Read(await BodyAsync(request, cancellationToken), FormatOf(format));
        return TypedResults.Ok(new FileCheck(
            read.Document?.Code, read.Document?.NameUk, read.AreaCount, read.CompetencyCount, read.CanImport,
            read.Errors.Select(p => ToProblem(p, localizer)).ToList(), read.Warnings.Select(p => ToProblem(p, localizer)).ToList()));
    }

    private static async Task<IResult> ImportAsync(
        string? format, HttpRequest request, FrameworkExchange exchange, IStringLocalizer<CompetenciesResource> localizer, CancellationToken cancellationToken)
    {
        var content = await BodyAsync(request, cancellationToken);
        var read = exchange.Read(content, FormatOf(format));
        if (!read.CanImport)
        {
            return TypedResults.ValidationProblem(
                read.Errors.Select((p, i) => (Key: p.Place.ToString(), Problem: p)).GroupBy(p => p.Key)
                    .ToDictionary(g => g.Key, g => g.Select(p => ToProblem(p.Problem, localizer).Message).ToArray()),
                title: localizer["Exchange:Error:FileHasErrors"]);
        }
        var imported = await exchange.ImportAsync(content, FormatOf(format), "API upload", cancellationToken);
        return imported.ToHttpResult(localizer, i => new ImportResponse(i.FrameworkId, i.VersionNumber, i.AreaCount, i.CompetencyCount));
    }

    private static FileProblem ToProblem(ExchangeProblem problem, IStringLocalizer localizer) =>
        new(problem.Place.Line, problem.Place.Identifier, problem.Key, localizer[problem.Key, problem.Arguments]);

    /// <summary>The body, cut at the size limit plus one byte so that a larger file is reported rather than read whole.</summary>
    private static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0 && buffer.Length <= ExchangeFile.MaxBytes)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
