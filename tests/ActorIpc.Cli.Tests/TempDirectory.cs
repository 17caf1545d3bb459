namespace ActorIpc.Cli.Tests;

/// <summary>A temporary folder deleted with everything in it when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("actoripc-cli-tests-");

    public string Path => _directory.FullName;

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
