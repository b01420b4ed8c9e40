namespace TrainingHub.TestKit;

/// <summary>The repository's own files, found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static DirectoryInfo Root { get; } = FindRoot();

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrainingHub.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("TrainingHub.sln not found above " + AppContext.BaseDirectory);
    }
}
