using Microsoft.Extensions.Localization;

namespace TrainingHub.Accounts.Pages;

/// <summary>Built-in roles have names in both languages; a role an administrator made is called what they called it.</summary>
internal static class RoleText
{
    public static string Name(IStringLocalizer localizer, string role)
    {
        var text = localizer[$"Role:{role}"];
        return text.ResourceNotFound ? role : text.Value;
    }
}
