using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.SharedKernel.Localization;

public static class ErrorLocalizerExtensions
{
    public static string Text(this IStringLocalizer localizer, FieldError error) => localizer[error.Key, error.Arguments];

    /// <summary>The error's message, followed by its field messages when it has any.</summary>
    public static string Text(this IStringLocalizer localizer, Error error) =>
        error.Fields.Count == 0
            ? localizer[error.Key]
            : string.Join(" ", error.Fields.Select(localizer.Text));

    /// <summary>The message for a form field, or null when the field is fine.</summary>
    public static string? FieldText(this IStringLocalizer localizer, Error? error, string field) =>
        error?.Fields.FirstOrDefault(f => f.Field == field) is { } fieldError ? localizer.Text(fieldError) : null;
}
