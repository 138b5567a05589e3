-- Argo CD health check for training.lora-operator.dev/LoraTrainingJob (Lua 5.1, as Argo CD runs it).
-- Healthy: Succeeded. Suspended: Suspended. Progressing: no status yet, a status older than the spec
-- (observedGeneration < metadata.generation), Pending, Queued, Running. Degraded: Failed, Invalid, Unknown,
-- Interrupted, Canceled, and Pending while a Secret or ConfigMap is missing: each has ended or waits for a
-- person, so none can leave Argo CD showing Progressing forever.
local hs = {}

local function condition(status, type)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

local function jobRef(status)
  if status.jobId ~= nil and status.jobId ~= "" then
    return " (remote job " .. status.jobId .. ")"
  end
  return ""
end

local function errorText(status, fallback)
  if status.error ~= nil and status.error.message ~= nil and status.error.message ~= "" then
    return status.error.message
  end
  return fallback
end

local status = obj.status
if status == nil or status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to accept the job"
  return hs
end

local generation = obj.metadata.generation
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local phase = status.phase
local ref = jobRef(status)

if phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = "Training succeeded" .. ref
elseif phase == "Running" then
  hs.status = "Progressing"
  local p = status.progress
  if p ~= nil and p.summary ~= nil and p.summary ~= "" then
    hs.message = "Running, step " .. p.summary .. ref
  elseif p ~= nil and p.currentStep ~= nil and p.totalSteps ~= nil then
    hs.message = "Running, step " .. tostring(p.currentStep) .. "/" .. tostring(p.totalSteps) .. ref
  else
    hs.message = "Running" .. ref
  end
elseif phase == "Queued" then
  hs.status = "Progressing"
  hs.message = "Queued" .. ref
elseif phase == "Pending" then
  local accepted = condition(status, "Accepted")
  if accepted ~= nil and accepted.status == "False" then
    -- A missing Secret or ConfigMap: nothing happens until someone creates it.
    hs.status = "Degraded"
    hs.message = accepted.message or "Waiting for a missing Secret or ConfigMap"
  else
    hs.status = "Progressing"
    hs.message = "Submitting"
  end
elseif phase == "Suspended" then
  hs.status = "Suspended"
  hs.message = "Suspended by spec.suspend" .. ref
elseif phase == "Failed" then
  hs.status = "Degraded"
  hs.message = "Failed: " .. errorText(status, "the job failed") .. ref
elseif phase == "Invalid" then
  hs.status = "Degraded"
  hs.message = "Invalid: " .. errorText(status, "the spec or config is invalid")
elseif phase == "Unknown" then
  -- The submission outcome is unknown; the operator waits for the adopt-job-id or retry-submission annotation.
  hs.status = "Degraded"
  hs.message = "Submission uncertain: " .. errorText(status, "a remote job may exist")
    .. "; set annotation training.lora-operator.dev/adopt-job-id or retry-submission"
elseif phase == "Interrupted" then
  local finished = condition(status, "Finished")
  hs.status = "Degraded"
  if finished ~= nil and finished.status == "True" then
    hs.message = "Interrupted before the last step" .. ref .. "; no automatic resume left"
  else
    hs.message = "Interrupted before the last step" .. ref .. "; resuming automatically"
  end
elseif phase == "Canceled" then
  hs.status = "Degraded"
  hs.message = "Canceled" .. ref
else
  -- A phase this script does not know (a newer operator): say so rather than wait forever.
  hs.status = "Unknown"
  hs.message = "Unknown phase " .. tostring(phase)
end
return hs
