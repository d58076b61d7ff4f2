namespace ContactKit;

/// <summary>The route by which an interaction reaches the contact centre or leaves it.</summary>
public enum Channel
{
    /// <summary>A telephone call, inbound or outbound.</summary>
    VoiceCall = 1,

    /// <summary>A chat in a web page with a person.</summary>
    Webchat = 2,

    /// <summary>An automated conversation, typed or spoken, before or instead of a person.</summary>
    Chatbot = 3,

    /// <summary>A text message.</summary>
    Sms = 4,

    /// <summary>An email.</summary>
    Email = 5,

    /// <summary>A message on a social-media platform.</summary>
    SocialMedia = 6,

    /// <summary>A WhatsApp message.</summary>
    WhatsApp = 7,

    /// <summary>A voice-assistant skill, such as a smart-speaker app.</summary>
    VoiceAssistant = 8,

    /// <summary>A form submitted on a website.</summary>
    WebForm = 9,

    /// <summary>A letter.</summary>
    Post = 10,
}

/// <summary>Facts about channels that the rules depend on.</summary>
public static class ChannelExtensions
{
    /// <summary>Whether the channel carries live audio that can be recorded.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> for voice calls and voice assistants.</returns>
    public static bool CarriesAudio(this Channel channel) => channel is Channel.VoiceCall or Channel.VoiceAssistant;

    /// <summary>Whether the channel is a live conversation (as opposed to a message that is sent and later read).</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> for voice calls, webchat, chatbots and voice assistants.</returns>
    public static bool IsLive(this Channel channel) =>
        channel is Channel.VoiceCall or Channel.Webchat or Channel.Chatbot or Channel.VoiceAssistant;
}
