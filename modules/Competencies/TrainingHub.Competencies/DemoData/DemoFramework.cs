using System.Text.Json;
using TrainingHub.Competencies.Exchange;

namespace TrainingHub.Competencies.DemoData;

/// <summary>
/// The demo framework "Inclusive child protection and family support", kept as the Moodle CSV a coordinator could
/// import, and the level each built-in position type needs in each of its competencies.
/// </summary>
internal static class DemoFramework
{
    private const string FrameworkResource = "TrainingHub.Competencies.DemoData.inclusive-child-protection.csv";
    private const string ProfilesResource = "TrainingHub.Competencies.DemoData.role-profiles.json";

    public static FrameworkReadResult Read() => MoodleCompetencyCsv.Read(Resource(FrameworkResource));

    /// <summary>Position type code → competency code → required level (1 = not yet required … 5 = can guide others).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> RoleProfiles()
    {
        var file = JsonSerializer.Deserialize<ProfilesFile>(Resource(ProfilesResource), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The demo role profiles are empty.");
        return file.Profiles.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value);
    }

    private sealed record ProfilesFile(string Framework, Dictionary<string, Dictionary<string, int>> Profiles);

    private static byte[] Resource(string name)
    {
        using var stream = typeof(DemoFramework).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
