using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Services;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Learning.Api;

/// <summary>
/// Course covers and lesson attachments, served from the database to those who may see the course. Every answer says
/// nosniff, so a browser never guesses a type; only images found by their content are shown inline, anything else downloads.
/// </summary>
internal static class LearningFilesApi
{
    public static void MapLearningFilesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApi("Learning");
        api.MapGet("/learning/courses/{id:guid}/cover", CoverAsync)
            .RequireAuthorization(LearningPermissions.CoursesView)
            .WithName("GetCourseCover")
            .WithSummary("A course's cover picture")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/learning/attachments/{id:guid}", AttachmentAsync)
            .RequireAuthorization(LearningPermissions.CoursesView)
            .WithName("GetLessonAttachment")
            .WithSummary("A file attached to a lesson")
            .WithDescription("Images (PNG, JPEG, GIF, WebP, recognised by their content) are served inline; any other file as a download.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CoverAsync(
        Guid id, HttpContext context, CourseCatalogue catalogue, IStringLocalizer<LearningResource> localizer, CancellationToken cancellationToken) =>
        Serve(await catalogue.GetCoverAsync(id, cancellationToken), context, localizer);

    private static async Task<IResult> AttachmentAsync(
        Guid id, HttpContext context, CourseOutline outline, IStringLocalizer<LearningResource> localizer, CancellationToken cancellationToken) =>
        Serve(await outline.GetAttachmentAsync(id, cancellationToken), context, localizer);

    private static IResult Serve(Result<StoredFile> file, HttpContext context, IStringLocalizer localizer) =>
        file.ToHttpResult(localizer, stored =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.CacheControl] = "private, max-age=3600";
            return stored.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? TypedResults.File(stored.Content, stored.ContentType)
                : TypedResults.File(stored.Content, "application/octet-stream", stored.FileName);
        });
}
