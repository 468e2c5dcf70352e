namespace RecruitOps.Tests.Infrastructure;

/// <summary>Bounded polling for state a background loop reaches on its own time (about five seconds at most).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because = "The condition was not reached.", Action? betweenTries = null)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            betweenTries?.Invoke();
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), because);
    }
}
