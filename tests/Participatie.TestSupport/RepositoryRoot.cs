namespace Participatie.TestSupport;

/// <summary>The repository the tests run from: the folder above the test's build output that holds the solution.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "Participatie.Grains.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}");
    }
}
