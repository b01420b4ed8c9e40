using MudBlazor;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;

namespace TrainingHub.Learning.Pages;

internal static class CourseStatuses
{
    public static Color Colour(CourseStatus status) => status switch
    {
        CourseStatus.Published => Color.Success,
        CourseStatus.Archived => Color.Dark,
        _ => Color.Default,
    };
}

/// <summary>How a learner's standing in a course is marked wherever it is shown.</summary>
internal static class Standings
{
    public static Color Colour(Standing standing) => standing switch
    {
        Standing.Overdue => Color.Error,
        Standing.DueSoon => Color.Warning,
        Standing.Completed => Color.Success,
        _ => Color.Default,
    };

    public static string? Icon(Standing standing) => standing switch
    {
        Standing.Overdue => Icons.Material.Filled.AssignmentLate,
        Standing.DueSoon => Icons.Material.Filled.Schedule,
        Standing.Completed => Icons.Material.Filled.CheckCircle,
        _ => null,
    };
}
