using Microsoft.Extensions.DependencyInjection;

namespace TrainingHub.Notifications.Contracts;

/// <summary>How notifications of a category reach a person by e-mail; in the app they always appear.</summary>
public enum EmailDelivery
{
    /// <summary>No e-mail.</summary>
    Off = 0,

    /// <summary>One e-mail per notification, held back during the person's quiet hours.</summary>
    EachNotification = 1,

    /// <summary>One e-mail a day listing the day's notifications.</summary>
    DailyDigest = 2,
}

/// <summary>
/// A kind of notification a module sends, such as reminders about practice hours. People choose per category
/// how it reaches them. Its name is shown from the key <c>NotificationCategory:{Name}</c> in <see cref="Resource"/>,
/// which also holds the texts of the category's notifications.
/// </summary>
/// <param name="Name">Stable and unique, prefixed with the module's name: <c>Supervision.Sessions</c>.</param>
/// <param name="Resource">The declaring module's localisation resource.</param>
/// <param name="DefaultEmail">How e-mail works for people who have not chosen.</param>
public sealed record NotificationCategory(string Name, Type Resource, EmailDelivery DefaultEmail = EmailDelivery.EachNotification)
{
    public string DisplayKey => $"NotificationCategory:{Name}";
}

public static class NotificationCategoryRegistration
{
    /// <summary>Declares a category a module sends notifications in; call it from the module's AddServices.</summary>
    public static IServiceCollection AddNotificationCategory(this IServiceCollection services, NotificationCategory category) =>
        services.AddSingleton(category);
}
