using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using TrainingHub.SharedKernel.Abuse;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.SharedKernel.Api;

/// <summary>
/// The REST API under <c>/api/v1</c>: each module maps its endpoints into <see cref="MapApi"/>, answers with
/// <see cref="ToHttpResult{T}(Result{T}, IStringLocalizer, Func{T, object})"/> (or <see cref="ToProblem"/> for a failure found
/// before the service is asked) and pages with <see cref="ApiPage{T}"/>. Every failure is RFC 7807 problem details.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>The name of the OpenAPI document, served at <c>/api/v1/openapi.json</c>.</summary>
    public const string DocumentName = "v1";

    public const string DocumentPath = "/api/{documentName}/openapi.json";

    public const string ReferencePath = "/api/reference";

    /// <summary>The authentication scheme API clients use: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>True for anything under <c>/api</c>: such requests get status codes and problem details, never a page.</summary>
    public static bool IsApiRequest(this HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>The group every module maps its API endpoints into.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints, string tag) =>
        endpoints.MapGroup(Prefix).WithTags(tag).RequireRateLimiting(RateLimits.Api);

    /// <summary>The HTTP answer for a failed operation, with the message in the reader's language.</summary>
    public static IResult ToProblem(this Error error, IStringLocalizer localizer) => error.Kind switch
    {
        ErrorKind.Validation when error.Fields.Count > 0 => TypedResults.ValidationProblem(
            error.Fields.GroupBy(f => ToJsonName(f.Field)).ToDictionary(g => g.Key, g => g.Select(localizer.Text).ToArray()),
            title: localizer[error.Key]),
        _ => TypedResults.Problem(
            title: localizer.Text(error),
            statusCode: error.Kind switch
            {
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                ErrorKind.Conflict => StatusCodes.Status409Conflict,
                ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status400BadRequest,
            }),
    };

    /// <summary>The HTTP answer for an operation: 200 with the mapped value, or the problem.</summary>
    public static IResult ToHttpResult<T>(this Result<T> result, IStringLocalizer localizer, Func<T, object> map) =>
        result.ToHttpResult(localizer, value => TypedResults.Ok(map(value)));

    /// <summary>The HTTP answer for an operation: what <paramref name="answer"/> makes of the value (a file, say), or the problem.</summary>
    public static IResult ToHttpResult<T>(this Result<T> result, IStringLocalizer localizer, Func<T, IResult> answer) =>
        result.TryGetValue(out var value, out var error) ? answer(value) : error.ToProblem(localizer);

    /// <summary>Problem details for the API (errors, status codes without a body), the OpenAPI document and its services.</summary>
    internal static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Unit types and kinds travel by name ("Hromada"), which reads better and survives reordering.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "TrainingHub API";
                document.Info.Description =
                    "Create a personal API token on My account → Manage API tokens and send it as `Authorization: Bearer <token>`. " +
                    "Reading works with the sign-in cookie too; changes need a token.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// API clients choose their language with Accept-Language; pages keep to the language cookie, so a browser's
    /// settings never override the language a person chose.
    /// </summary>
    internal static IRequestCultureProvider AcceptLanguageForApi { get; } = new CustomRequestCultureProvider(async context =>
        context.Request.IsApiRequest()
            ? await new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(context)
            : null);

    /// <summary>
    /// Status codes without a body (401, 403, 404, a failed binding) become problem details under <c>/api</c>; pages keep
    /// the not-found page. Call inside the pages' status code handling: the API's answer has a body, so that one leaves it be.
    /// </summary>
    internal static WebApplication UseApiStatusCodes(this WebApplication app)
    {
        app.UseWhen(context => context.Request.IsApiRequest(), api => api.UseStatusCodePages());
        return app;
    }

    /// <summary>
    /// The OpenAPI document and its reference page. Both are open to anyone: they describe the API, not data, and
    /// client generators fetch the document without signing in.
    /// </summary>
    internal static WebApplication MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("TrainingHub API")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddDocument(DocumentName)
                // The page talks to this app only: no assistant, telemetry, hosted services or web fonts from elsewhere.
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .DisableDefaultFonts()
                .HideDeveloperTools()
                .HideClientButton())
            .AllowAnonymous();
        return app;
    }

    /// <summary>Field names as a JSON client writes them (camelCase).</summary>
    private static string ToJsonName(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}

/// <summary>Which page of a list to return: <c>?page=1&amp;pageSize=25</c>, pages counted from 1.</summary>
public sealed class ApiPageQuery
{
    public const int DefaultPageSize = 25;

    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    private int PageNumber => Page ?? 1;

    private int Size => PageSize ?? DefaultPageSize;

    /// <summary>The page as services take it, or a validation error for a page below 1 or a size outside 1–200.</summary>
    public Result<PageRequest> ToPageRequest()
    {
        var errors = new List<FieldError>();
        if (PageNumber < 1)
        {
            errors.Add(new FieldError(nameof(Page), "Error:PageNumber"));
        }
        if (Size is < 1 or > PageRequest.MaxPageSize)
        {
            errors.Add(new FieldError(nameof(PageSize), "Error:PageSize", PageRequest.MaxPageSize));
        }
        return errors.Count > 0 ? Error.Validation(errors) : new PageRequest(PageNumber - 1, Size);
    }
}

/// <summary>One page of a list: the items, how many there are in all, and which page this is.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public static ApiPage<T> From<TSource>(Page<TSource> page, PageRequest request, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.TotalCount, request.PageIndex + 1, request.Take);
}
