using System.Text.Json;
using Microsoft.Extensions.Localization;
using TrainingHub.Notifications.Contracts;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Notifications.Delivery;

/// <summary>The declared categories, and notification texts rendered from their keys in a reader's language.</summary>
internal sealed class NotificationTexts(IEnumerable<NotificationCategory> declared, IStringLocalizerFactory localizers)
{
    private readonly Dictionary<string, NotificationCategory> _categories = declared.ToDictionary(c => c.Name);

    public IReadOnlyList<NotificationCategory> Categories => [.. _categories.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public NotificationCategory Require(string category) =>
        _categories.TryGetValue(category, out var found)
            ? found
            : throw new ArgumentException($"Notification category {category} is not declared: declare it with AddNotificationCategory.", nameof(category));

    /// <summary>The category's name in the current language.</summary>
    public string NameOf(NotificationCategory category) => localizers.Create(category.Resource)[category.DisplayKey];

    /// <summary>The text in the current language; a category no module declares any more shows its key.</summary>
    public string Render(string category, string key, string arguments) =>
        _categories.TryGetValue(category, out var found)
            ? localizers.Create(found.Resource)[key, [.. ReadArguments(arguments)]]
            : key;

    public string RenderIn(string culture, string category, string key, string arguments) =>
        InCulture.Run(culture, () => Render(category, key, arguments));

    public static string WriteArguments(IEnumerable<string> arguments) => JsonSerializer.Serialize(arguments.ToArray());

    public static string[] ReadArguments(string arguments) => JsonSerializer.Deserialize<string[]>(arguments) ?? [];

    /// <summary>Links lead somewhere inside the app, never to another site.</summary>
    public static void CheckLink(string? link)
    {
        if (link is not null && (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/\\", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A notification link is a path in the app, such as /notifications; '{link}' is not.", nameof(link));
        }
    }
}
