namespace RecruitOps.Tests.Replay;

/// <summary>A JSONL file in the temp folder for one test, deleted afterwards.</summary>
public sealed class ReplayFile : IDisposable
{
    public ReplayFile(params string[] lines)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"replay-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(Path, string.Join("\n", lines) + "\n");
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
