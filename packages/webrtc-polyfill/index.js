// Node side: WebRTC comes from @roamhq/wrtc, whose binary is shipped inside the npm package.
import wrtc from '@roamhq/wrtc'

export const RTCPeerConnection = wrtc.RTCPeerConnection
export const RTCSessionDescription = wrtc.RTCSessionDescription
export const RTCIceCandidate = wrtc.RTCIceCandidate
export default { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate }
