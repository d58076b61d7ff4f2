namespace ContactKit;

/// <summary>The rights a data subject may exercise, UK GDPR Articles 15 to 22.</summary>
public enum DataSubjectRight
{
    /// <summary>Art 15: a copy of their personal data (subject access).</summary>
    Access = 1,

    /// <summary>Art 16: correction of inaccurate data.</summary>
    Rectification = 2,

    /// <summary>Art 17: erasure.</summary>
    Erasure = 3,

    /// <summary>Art 18: restriction of processing.</summary>
    Restriction = 4,

    /// <summary>Art 20: data portability.</summary>
    Portability = 5,

    /// <summary>Art 21(1): objection to processing.</summary>
    Objection = 6,

    /// <summary>Art 21(2)-(3): objection to direct marketing, which is absolute.</summary>
    ObjectionToDirectMarketing = 7,

    /// <summary>Art 22: review of a decision based solely on automated processing.</summary>
    AutomatedDecisionReview = 8,
}

/// <summary>The kind of person the personal data is about.</summary>
public enum DataSubjectKind
{
    /// <summary>Someone who contacts the organisation by any channel.</summary>
    Caller = 1,

    /// <summary>Someone with a customer relationship.</summary>
    Customer = 2,

    /// <summary>Someone who asked about a service but has not become a customer.</summary>
    Enquirer = 3,

    /// <summary>Someone who made a complaint.</summary>
    Complainant = 4,

    /// <summary>A member of staff.</summary>
    Employee = 5,

    /// <summary>Someone who applied for a job.</summary>
    JobApplicant = 6,

    /// <summary>Someone who used the website.</summary>
    WebsiteVisitor = 7,

    /// <summary>A resident receiving a public service.</summary>
    Resident = 8,

    /// <summary>Someone acting for a data subject: a relative, advocate or solicitor.</summary>
    Representative = 9,

    /// <summary>A contact at a supplier or partner organisation.</summary>
    BusinessContact = 10,
}

/// <summary>The part an organisation plays for a set of personal data.</summary>
public enum ProcessingRole
{
    /// <summary>Decides why and how the data is processed.</summary>
    Controller = 1,

    /// <summary>Processes the data on a controller's behalf and instructions.</summary>
    Processor = 2,

    /// <summary>Decides jointly with another controller.</summary>
    JointController = 3,

    /// <summary>Processes on a processor's behalf.</summary>
    SubProcessor = 4,
}
