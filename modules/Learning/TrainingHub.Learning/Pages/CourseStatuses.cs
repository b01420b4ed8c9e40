using MudBlazor;
using TrainingHub.Learning.Domain;

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
