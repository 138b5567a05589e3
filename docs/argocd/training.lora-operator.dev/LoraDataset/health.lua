-- Argo CD health check for training.lora-operator.dev/LoraDataset (Lua 5.1, as Argo CD runs it).
-- Healthy: Ready. Progressing: no status yet, a status older than the spec (observedGeneration <
-- metadata.generation), Pending, Uploading, Processing. Degraded: Failed, Unknown, and Pending while the API
-- token's Secret is missing (nothing happens until someone creates it); a deletion that waits for the jobs using
-- the dataset (Synced reason InUse) is Progressing.
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

local function files(status)
  if status.files ~= nil and status.files.summary ~= nil and status.files.summary ~= "" then
    return " " .. status.files.summary .. " files"
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
  hs.message = "Waiting for the operator to create the dataset"
  return hs
end

local generation = obj.metadata.generation
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. tostring(generation)
  return hs
end

local synced = condition(status, "Synced")
if obj.metadata.deletionTimestamp ~= nil and synced ~= nil and synced.reason == "InUse" then
  hs.status = "Progressing"
  hs.message = "Deleting: " .. tostring(synced.message)
  return hs
end

local phase = status.phase
if phase == "Ready" then
  hs.status = "Healthy"
  hs.message = "Ready:" .. files(status) .. " in RunComfy dataset " .. tostring(status.remoteName)
elseif phase == "Uploading" then
  hs.status = "Progressing"
  hs.message = "Uploading," .. files(status) .. " uploaded"
elseif phase == "Processing" then
  hs.status = "Progressing"
  hs.message = "Every file uploaded; RunComfy is checking them"
elseif phase == "Pending" then
  if synced ~= nil and synced.reason == "MissingCredentials" then
    hs.status = "Degraded"
    hs.message = synced.message or "Waiting for the API token's Secret"
  else
    hs.status = "Progressing"
    hs.message = "Creating the remote dataset"
  end
elseif phase == "Failed" then
  hs.status = "Degraded"
  hs.message = "Failed: " .. errorText(status, "the dataset failed")
elseif phase == "Unknown" then
  hs.status = "Degraded"
  hs.message = "The remote dataset cannot be observed"
else
  -- A phase this script does not know (a newer operator): say so rather than wait forever.
  hs.status = "Unknown"
  hs.message = "Unknown phase " .. tostring(phase)
end
return hs
